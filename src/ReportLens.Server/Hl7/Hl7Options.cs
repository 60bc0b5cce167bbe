using System.ComponentModel.DataAnnotations;
using System.Net;
using ReportLens.Core.Hl7;

namespace ReportLens.Server.Hl7;

/// <summary>The "Hl7" section: the MLLP listener (off unless a port is set) and what arriving reports get.</summary>
public sealed class Hl7Options : IValidatableObject
{
    public const string Section = "Hl7";

    /// <summary>TCP port of the MLLP listener (HL7_MLLP_PORT); unset means no listener.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Address to listen on (HL7_MLLP_BIND): loopback by default, 0.0.0.0 to accept a RIS on the network.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>Largest message accepted; a larger one is answered AR and not stored (HL7_MAX_MESSAGE_BYTES).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>A connection that sends nothing for this long is closed (HL7_READ_TIMEOUT); senders reconnect.</summary>
    [Range(1, 86400)]
    public double ReadTimeoutSeconds { get; set; } = 300;

    [Range(1, 1024)]
    public int MaxConnections { get; set; } = 64;

    /// <summary>Where the accession number is read: OBR-3 (default), OBR-18 or ORC-3 (HL7_ACCESSION_FIELD).</summary>
    public string AccessionField { get; set; } = "OBR-3";

    public Hl7AnalysisPolicy Analysis { get; set; } = new();

    public AccessionSource AccessionSource => ParseAccessionField(AccessionField) ?? AccessionSource.Obr3;

    public TimeSpan ReadTimeout => TimeSpan.FromSeconds(ReadTimeoutSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Bind, out _))
        {
            yield return new ValidationResult($"Hl7:Bind (HL7_MLLP_BIND) '{Bind}' is not an IP address", [nameof(Bind)]);
        }

        if (ParseAccessionField(AccessionField) is null)
        {
            yield return new ValidationResult($"Hl7:AccessionField (HL7_ACCESSION_FIELD) '{AccessionField}' must be OBR-3, OBR-18 or ORC-3", [nameof(AccessionField)]);
        }

        foreach (var problem in Analysis.Problems())
        {
            yield return new ValidationResult(problem, [nameof(Analysis)]);
        }
    }

    private static AccessionSource? ParseAccessionField(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "OBR-3" or "OBR3" => AccessionSource.Obr3,
        "OBR-18" or "OBR18" => AccessionSource.Obr18,
        "ORC-3" or "ORC3" => AccessionSource.Orc3,
        _ => null,
    };
}
