namespace ReportLens.Application.Users;

public enum UserCreationOutcome
{
    Created,

    /// <summary>A field is missing or malformed: <see cref="UserCreation.Errors"/> names it (400 at the API).</summary>
    Invalid,

    /// <summary>A user with this name exists, ignoring case (409 at the API).</summary>
    Duplicate,
}
