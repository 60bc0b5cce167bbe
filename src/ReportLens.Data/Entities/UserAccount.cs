namespace ReportLens.Data.Entities;

public sealed class UserAccount
{
    public int Id { get; set; }
    private readonly string _username = "";

    public required string Username
    {
        get => _username;
        init
        {
            _username = value;
            NormalizedUsername = Usernames.Key(value);
        }
    }

    /// <summary>The name in the form uniqueness is decided in (unique index): names that differ only in case are one.</summary>
    public string NormalizedUsername { get; private set; } = "";

    public required string PasswordHash { get; set; }
    /// <summary>admin, radiologist or viewer.</summary>
    public required string Role { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
