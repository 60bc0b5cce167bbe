namespace ReportLens.Server.Auth;

/// <summary>The admin created on first start, and its password only when it was generated (to print once).</summary>
public sealed record BootstrapResult(string? CreatedAdmin, string? GeneratedPassword);
