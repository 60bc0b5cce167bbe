using System.ComponentModel.DataAnnotations;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// Where critical-finding webhooks go and how hard they are pushed (CRITICAL_* settings, section "CriticalFindings").
/// Without URLs cases still open, list and close; nothing is sent.
/// </summary>
public sealed class CriticalFindingsOptions : IValidatableObject
{
    public const string Section = "CriticalFindings";
    public const int MinSecretLength = 16;

    /// <summary>Receivers of every opened case, comma- or semicolon-separated (CRITICAL_WEBHOOK_URLS).</summary>
    public string? WebhookUrls { get; set; }

    /// <summary>Receiver of cases left unacknowledged for <see cref="EscalateAfterMinutes"/> (CRITICAL_ESCALATION_WEBHOOK_URL).</summary>
    public string? EscalationWebhookUrl { get; set; }

    /// <summary>The HMAC-SHA256 key the body is signed with (CRITICAL_WEBHOOK_SECRET); required once a URL is set.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Minutes an open case may wait before it escalates; 0 = never.</summary>
    [Range(0, 10080, ErrorMessage = "CRITICAL_ESCALATE_AFTER_MINUTES must be between 0 (never) and 10080 minutes")]
    public double EscalateAfterMinutes { get; set; } = 30;

    [Range(1, 50, ErrorMessage = "CRITICAL_WEBHOOK_MAX_ATTEMPTS must be between 1 and 50")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each further retry doubles it, up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(0.05, 3600, ErrorMessage = "CRITICAL_WEBHOOK_RETRY_SECONDS must be between 0.05 and 3600")]
    public double RetryBaseSeconds { get; set; } = 5;

    [Range(1, 86400)]
    public double MaxRetrySeconds { get; set; } = 3600;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How often the sender looks for due deliveries and escalations (a new case wakes it at once).</summary>
    [Range(0.05, 300)]
    public double PollSeconds { get; set; } = 5;

    public IReadOnlyList<Uri> Receivers => Parse(WebhookUrls);

    public Uri? EscalationReceiver => Parse(EscalationWebhookUrl).FirstOrDefault();

    public TimeSpan? EscalateAfter => EscalateAfterMinutes > 0 ? TimeSpan.FromMinutes(EscalateAfterMinutes) : null;

    /// <summary>The delay after the given failed attempt (1-based): base × 2^(attempt − 1), capped.</summary>
    public TimeSpan RetryDelay(int attempt) => Outbox.Backoff.Delay(RetryBaseSeconds, MaxRetrySeconds, attempt);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, variable, value) in new[]
                 {
                     (nameof(WebhookUrls), "CRITICAL_WEBHOOK_URLS", WebhookUrls),
                     (nameof(EscalationWebhookUrl), "CRITICAL_ESCALATION_WEBHOOK_URL", EscalationWebhookUrl),
                 })
        {
            foreach (var url in Split(value))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    yield return new ValidationResult($"{variable} must hold absolute http(s) URLs; '{url}' is not one", [name]);
                }
            }
        }

        if ((Split(WebhookUrls).Any() || Split(EscalationWebhookUrl).Any()) && (WebhookSecret?.Length ?? 0) < MinSecretLength)
        {
            yield return new ValidationResult(
                $"CRITICAL_WEBHOOK_SECRET must be at least {MinSecretLength} characters when webhooks are configured",
                [nameof(WebhookSecret)]);
        }
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<Uri> Parse(string? value) =>
        [.. Split(value).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()];
}
