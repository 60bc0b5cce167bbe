using System.ComponentModel.DataAnnotations;
using ReportLens.Application.Outbox;

namespace ReportLens.Application.Fhir;

/// <summary>
/// Where results are pushed when an analysis completes (FHIR_SERVER_URL, section "FhirPush"): a FHIR R4 server's base
/// URL, an optional bearer token, and how hard a push is retried. Without a URL nothing is pushed.
/// </summary>
public sealed class FhirPushOptions : IValidatableObject
{
    public const string Section = "FhirPush";

    /// <summary>The server's base URL (FHIR_SERVER_URL), e.g. https://fhir.hospital.example/fhir.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> (FHIR_SERVER_TOKEN); none when empty.</summary>
    public string? Token { get; set; }

    [Range(1, 50, ErrorMessage = "FHIR_PUSH_MAX_ATTEMPTS must be between 1 and 50")]
    public int MaxAttempts { get; set; } = 8;

    [Range(0.05, 3600, ErrorMessage = "FHIR_PUSH_RETRY_SECONDS must be between 0.05 and 3600")]
    public double RetryBaseSeconds { get; set; } = 5;

    [Range(1, 86400)]
    public double MaxRetrySeconds { get; set; } = 3600;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The base URL with a trailing slash (so resource paths resolve under it); null when pushing is off.</summary>
    public Uri? Server => Uri.TryCreate(ServerUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? new Uri(uri.AbsoluteUri.TrimEnd('/') + "/")
        : null;

    public TimeSpan RetryDelay(int attempt) => Backoff.Delay(RetryBaseSeconds, MaxRetrySeconds, attempt);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ServerUrl) && Server is null)
        {
            yield return new ValidationResult($"FHIR_SERVER_URL must be an absolute http(s) URL; '{ServerUrl}' is not one", [nameof(ServerUrl)]);
        }
    }
}
