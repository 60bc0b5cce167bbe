namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>SQLite, no Ollama, three analyses per user per minute, CORS allowed for one origin.</summary>
public sealed class RateLimitedAppFixture : SqliteAppFixture
{
    public const string AllowedOrigin = "https://ris.hospital.example";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["RATE_LIMIT_PER_MINUTE"] = "3";
        settings["CORS_ORIGINS"] = AllowedOrigin;
    }
}
