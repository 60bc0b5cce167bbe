using Microsoft.Extensions.Configuration;
using ReportLens.Data;
using ReportLens.Llm;
using ReportLens.Llm.Options;

namespace ReportLens.Application.Configuration;

/// <summary>
/// The one path from the original design's environment names (SECRET_KEY, DATABASE_URL, OLLAMA_*, …) to our
/// configuration sections, for the server and the CLI alike: the mapped values win over appsettings.json exactly as
/// environment variables should. OLLAMA_* are applied to <see cref="OllamaOptions"/> by <see cref="OllamaEnvironment"/>.
/// </summary>
public static class EnvironmentNames
{
    public const string DatabaseUrlKey = "Database:Url";

    private static readonly (string Variable, string Key)[] Map =
    [
        ("SECRET_KEY", "Auth:SecretKey"),
        ("ACCESS_TOKEN_EXPIRE_MINUTES", "Auth:AccessTokenExpireMinutes"),
        ("REPORTLENS_ADMIN_USER", "Auth:AdminUser"),
        ("REPORTLENS_ADMIN_PASSWORD", "Auth:AdminPassword"),
        ("DATABASE_URL", DatabaseUrlKey),
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
        ("CRITICAL_WEBHOOK_URLS", "CriticalFindings:WebhookUrls"),
        ("CRITICAL_ESCALATION_WEBHOOK_URL", "CriticalFindings:EscalationWebhookUrl"),
        ("CRITICAL_WEBHOOK_SECRET", "CriticalFindings:WebhookSecret"),
        ("CRITICAL_ESCALATE_AFTER_MINUTES", "CriticalFindings:EscalateAfterMinutes"),
        ("CRITICAL_WEBHOOK_MAX_ATTEMPTS", "CriticalFindings:MaxAttempts"),
        ("CRITICAL_WEBHOOK_RETRY_SECONDS", "CriticalFindings:RetryBaseSeconds"),
        ("FHIR_SERVER_URL", "FhirPush:ServerUrl"),
        ("FHIR_SERVER_TOKEN", "FhirPush:Token"),
        ("FHIR_PUSH_MAX_ATTEMPTS", "FhirPush:MaxAttempts"),
        ("FHIR_PUSH_RETRY_SECONDS", "FhirPush:RetryBaseSeconds"),
        ("HL7_OUTBOUND_HOST", "Hl7Out:Host"),
        ("HL7_OUTBOUND_PORT", "Hl7Out:Port"),
        ("HL7_OUTBOUND_MAX_ATTEMPTS", "Hl7Out:MaxAttempts"),
        ("HL7_OUTBOUND_RETRY_SECONDS", "Hl7Out:RetryBaseSeconds"),
        ("HL7_MLLP_PORT", "Hl7:Port"),
        ("HL7_MLLP_BIND", "Hl7:Bind"),
        ("HL7_MAX_MESSAGE_BYTES", "Hl7:MaxMessageBytes"),
        ("HL7_READ_TIMEOUT", "Hl7:ReadTimeoutSeconds"),
        ("HL7_ACCESSION_FIELD", "Hl7:AccessionField"),
        ("HL7_ANALYSIS_TYPES", "Hl7:Analysis:Types"),
        ("HL7_ANALYSIS_ENGINE", "Hl7:Analysis:Engine"),
        ("VIEWERS_SEE_DEIDENTIFIED", "Privacy:ViewersSeeDeidentified"),
    ];

    /// <summary>The section keys the environment names found in <paramref name="configuration"/> set.</summary>
    public static Dictionary<string, string?> Overrides(IConfiguration configuration)
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var (variable, key) in Map)
        {
            var value = configuration[variable];
            if (!string.IsNullOrWhiteSpace(value))
            {
                overrides[key] = value;
            }
        }

        return overrides;
    }

    /// <summary>The environment with its names mapped, and <paramref name="overrides"/> (a command's options) on top: the CLI's configuration.</summary>
    public static IConfiguration FromEnvironment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return new ConfigurationBuilder()
            .AddConfiguration(environment)
            .AddInMemoryCollection(Overrides(environment))
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>The database from DATABASE_URL (Database:Url) or ConnectionStrings:ReportLens; a bad value is a <see cref="ConfigurationException"/>.</summary>
    public static DatabaseSettings Database(IConfiguration configuration)
    {
        try
        {
            return DatabaseSettings.Parse(configuration[DatabaseUrlKey] ?? configuration.GetConnectionString("ReportLens"));
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
    }
}
