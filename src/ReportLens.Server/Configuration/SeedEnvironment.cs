namespace ReportLens.Server.Configuration;

/// <summary>
/// The original design's environment variables (SECRET_KEY, DATABASE_URL, …) mapped onto our configuration
/// sections in one place, so they win over appsettings.json exactly as environment variables should.
/// </summary>
public static class SeedEnvironment
{
    private static readonly (string Variable, string Key)[] Map =
    [
        ("SECRET_KEY", "Auth:SecretKey"),
        ("ACCESS_TOKEN_EXPIRE_MINUTES", "Auth:AccessTokenExpireMinutes"),
        ("REPORTLENS_ADMIN_USER", "Auth:AdminUser"),
        ("REPORTLENS_ADMIN_PASSWORD", "Auth:AdminPassword"),
        ("DATABASE_URL", "Database:Url"),
        ("CORS_ORIGINS", "Security:CorsOrigins"),
        ("RATE_LIMIT_PER_MINUTE", "Security:RateLimitPerMinute"),
        ("BATCH_ITEMS_PER_HOUR", "Security:Batch:ItemsPerHour"),
        ("BATCH_MAX_ITEMS_RADIOLOGIST", "Security:Batch:MaxItemsPerJobRadiologist"),
        ("BATCH_MAX_ITEMS_ADMIN", "Security:Batch:MaxItemsPerJobAdmin"),
        ("METRICS_TOKEN", "Metrics:Token"),
        ("REPORTLENS_KNOWN_PROXIES", "Security:Proxy:KnownProxies"),
        ("REPORTLENS_KNOWN_NETWORKS", "Security:Proxy:KnownNetworks"),
        ("REPORTLENS_HSTS", "Security:Proxy:Hsts"),
        ("REPORTLENS_HSTS_MAX_AGE", "Security:Proxy:HstsMaxAgeSeconds"),
        ("REPORTLENS_ALLOWED_HOSTS", "AllowedHosts"),
        ("LOGIN_FAILURES_PER_ACCOUNT", "Auth:Login:FailuresPerAccount"),
        ("LOGIN_FAILURES_PER_CLIENT", "Auth:Login:FailuresPerClient"),
        ("LOGIN_LOCKOUT_SECONDS", "Auth:Login:LockoutSeconds"),
        ("LOGIN_MAX_LOCKOUT_SECONDS", "Auth:Login:MaxLockoutSeconds"),
        ("HL7_MLLP_PORT", "Hl7:Port"),
        ("HL7_MLLP_BIND", "Hl7:Bind"),
        ("HL7_MAX_MESSAGE_BYTES", "Hl7:MaxMessageBytes"),
        ("HL7_READ_TIMEOUT", "Hl7:ReadTimeoutSeconds"),
        ("HL7_ACCESSION_FIELD", "Hl7:AccessionField"),
        ("HL7_ANALYSIS_TYPES", "Hl7:Analysis:Types"),
        ("HL7_ANALYSIS_ENGINE", "Hl7:Analysis:Engine"),
    ];

    /// <summary>Loads a .env file from the working folder (never overriding real variables) and maps the variables above.</summary>
    public static void Apply(WebApplicationBuilder builder)
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var (variable, key) in Map)
        {
            var value = builder.Configuration[variable];
            if (!string.IsNullOrWhiteSpace(value))
            {
                overrides[key] = value;
            }
        }

        if (IsTrue(builder.Configuration["DEBUG"]))
        {
            builder.Environment.EnvironmentName = Environments.Development;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
    }

    /// <summary>.env values become environment variables unless the environment already has them (NoClobber).</summary>
    public static void LoadDotEnv(string? directory = null)
    {
        var path = Path.Combine(directory ?? Directory.GetCurrentDirectory(), ".env");
        if (File.Exists(path))
        {
            DotNetEnv.Env.NoClobber().Load(path);
        }
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
