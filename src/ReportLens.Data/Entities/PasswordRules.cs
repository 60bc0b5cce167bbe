namespace ReportLens.Data.Entities;

public static class PasswordRules
{
    public const int MinimumLength = 8;

    public static string? Check(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumLength
            ? $"password must be at least {MinimumLength} characters"
            : null;
}
