using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Auth;

/// <summary>A password may be white space (it is checked as typed); a username may not.</summary>
public sealed record LoginRequest(
    [Required(ErrorMessage = "username is required")] string Username,
    [Required(AllowEmptyStrings = true, ErrorMessage = "password is required"), MinLength(1, ErrorMessage = "password is required")] string Password);
