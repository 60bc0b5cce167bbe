namespace ReportLens.Testing;

/// <summary>The settings every test server starts with: its database, the Ollama to talk to, a known admin.</summary>
public static class TestServerSettings
{
    public const string SecretKey = "integration-tests-secret-key-0123456789abcdef";
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-password-123";

    public static Dictionary<string, string?> Defaults(string databaseUrl, string ollamaUrl) => new()
    {
        ["DATABASE_URL"] = databaseUrl,
        ["SECRET_KEY"] = SecretKey,
        ["REPORTLENS_ADMIN_USER"] = AdminUser,
        ["REPORTLENS_ADMIN_PASSWORD"] = AdminPassword,
        ["OLLAMA_BASE_URL"] = ollamaUrl,
        ["OLLAMA_CONNECT_TIMEOUT"] = "2",
        ["OLLAMA_TIMEOUT"] = "20",
        ["Demo:SeedDemoReports"] = "false",
    };
}
