using System.Text.Json;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Hl7;
using ReportLens.Core.Json;
using ReportLens.Core.Text;

namespace ReportLens.Cli.Hl7v2;

/// <summary>What the HL7 listener would store from each message of a file, as JSON lines, without a server or database.</summary>
internal static class Hl7Preview
{
    public static async Task<int> RunAsync(CliContext context, string path, string accessionField, CancellationToken ct)
    {
        var source = accessionField switch
        {
            "OBR-18" => AccessionSource.Obr18,
            "ORC-3" => AccessionSource.Orc3,
            _ => AccessionSource.Obr3,
        };
        var allStorable = true;
        foreach (var bytes in Hl7File.Split(await File.ReadAllBytesAsync(path, ct)))
        {
            var parsed = Hl7Message.Parse(bytes);
            var result = parsed.Message is { } message ? OruMapper.Map(message, source) : OruResult.Fail(Hl7Header.Unknown, parsed.Error!);
            allStorable &= result.Report is not null;
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(Describe(result), ReportLensJson.Options));
        }

        return allStorable ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static object Describe(OruResult result) => result.Report is { } r
        ? new
        {
            Ack = "AA",
            r.Header.ControlId,
            r.Header.Version,
            r.Header.SendingApplication,
            r.Header.Charset,
            r.AccessionNumber,
            r.Modality,
            r.BodyPart,
            r.ExamDate,
            r.ResultStatus,
            Correction = r.IsCorrection,
            Language = LanguageDetector.Detect(r.Text).ToCode(),
            ReportContent = r.Text,
        }
        : new
        {
            Ack = result.Error!.Ack == AckCode.Error ? "AE" : "AR",
            result.Header.ControlId,
            result.Header.Version,
            result.Error.Code,
            result.Error.Location,
            result.Error.Reason,
        };
}
