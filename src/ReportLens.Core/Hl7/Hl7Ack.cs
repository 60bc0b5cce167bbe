using System.Globalization;

namespace ReportLens.Core.Hl7;

/// <summary>
/// Builds the original-mode ACK for a message: MSH (sender and receiver swapped, same version and character set),
/// MSA with the code and the incoming control id, and for AE/AR an ERR segment with the table 0357 code and the reason
/// (ERR-1 in 2.3.1/2.4, ERR-2/3/4/8 from 2.5 on).
/// </summary>
public static class Hl7Ack
{
    public const string Application = "ReportLens";

    public static string Build(Hl7Header incoming, Hl7Error? error, string ackControlId, DateTimeOffset at)
    {
        var d = Hl7Delimiters.Standard;
        var version = incoming.Version is { } v && OruMapper.SupportedVersions.Contains(v) ? v : OruMapper.SupportedVersions[^1];
        var code = error?.Ack switch
        {
            null or AckCode.Accept => "AA",
            AckCode.Error => "AE",
            _ => "AR",
        };
        string[] msh =
        [
            "MSH", d.EncodingCharacters, Application, E(incoming.ReceivingFacility ?? Application), E(incoming.SendingApplication),
            E(incoming.SendingFacility), at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000", "",
            "ACK^R01^ACK", E(ackControlId), E(incoming.ProcessingId ?? "P"), version, "", "", "", "", "", E(incoming.Charset),
        ];
        var segments = new List<string>
        {
            string.Join(d.Field, msh).TrimEnd(d.Field),
            string.Join(d.Field, "MSA", code, E(incoming.ControlId), E(error?.Reason)).TrimEnd(d.Field),
        };
        if (error is not null)
        {
            segments.Add(Err(error, version));
        }

        return string.Join(Hl7Delimiters.SegmentTerminator, segments) + Hl7Delimiters.SegmentTerminator;
    }

    private static string Err(Hl7Error error, string version)
    {
        var location = error.Location;
        var code = $"{error.Code}^{E(error.CodeText)}^HL70357";
        if (version is "2.3.1" or "2.4")
        {
            var parts = location.Split('^');
            var place = string.Join('^', Enumerable.Range(0, 3).Select(i => i < parts.Length ? parts[i] : ""));
            return $"ERR|{place}^{error.Code}&{E(error.CodeText)}&HL70357";
        }

        return $"ERR||{location}|{code}|E||||{E(error.Reason)}";
    }

    private static string E(string? value) => value is null ? "" : Hl7Escape.Encode(value, Hl7Delimiters.Standard);
}
