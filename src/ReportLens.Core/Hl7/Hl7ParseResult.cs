namespace ReportLens.Core.Hl7;

/// <summary>A parsed message, or why the bytes are not one.</summary>
public sealed record Hl7ParseResult(Hl7Message? Message, Hl7Error? Error)
{
    public static Hl7ParseResult Ok(Hl7Message message) => new(message, null);

    public static Hl7ParseResult Fail(Hl7Error error) => new(null, error);
}
