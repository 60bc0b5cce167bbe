using System.ComponentModel.DataAnnotations;
using ReportLens.Application.Outbox;

namespace ReportLens.Application.Hl7Out;

/// <summary>
/// The MLLP peer that gets an ORU^R01 with each analysed report's structured results (HL7_OUTBOUND_HOST / _PORT,
/// section "Hl7Out"), and how hard a message is retried. Without a host nothing is sent.
/// </summary>
public sealed class Hl7OutOptions : IValidatableObject
{
    public const string Section = "Hl7Out";

    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary>MSH-5 and MSH-6 of the messages sent (the peer's application and facility), when it wants them.</summary>
    public string? ReceivingApplication { get; set; }

    public string? ReceivingFacility { get; set; }

    [Range(1, 50, ErrorMessage = "HL7_OUTBOUND_MAX_ATTEMPTS must be between 1 and 50")]
    public int MaxAttempts { get; set; } = 8;

    [Range(0.05, 3600, ErrorMessage = "HL7_OUTBOUND_RETRY_SECONDS must be between 0.05 and 3600")]
    public double RetryBaseSeconds { get; set; } = 5;

    [Range(1, 86400)]
    public double MaxRetrySeconds { get; set; } = 3600;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>mllp://host:port, the outbox's address of the peer; null when sending is off.</summary>
    public Uri? Peer => !string.IsNullOrWhiteSpace(Host) && Port is > 0 and <= 65535 && Uri.TryCreate($"mllp://{Host.Trim()}:{Port}", UriKind.Absolute, out var uri)
        ? uri
        : null;

    public TimeSpan RetryDelay(int attempt) => Backoff.Delay(RetryBaseSeconds, MaxRetrySeconds, attempt);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Host) && Peer is null)
        {
            yield return new ValidationResult("HL7_OUTBOUND_HOST needs HL7_OUTBOUND_PORT (1-65535), and a host name or address", [nameof(Host), nameof(Port)]);
        }
    }
}
