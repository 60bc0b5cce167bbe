using System.Globalization;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;

namespace ReportLens.Core.Hl7;

/// <summary>
/// Writes an ORU^R01 (v2.5.1, UTF-8) with a report's structured results: OBR names the exam by its accession number;
/// OBX 1 is the report text (TX, one repetition per line); then one CWE OBX per finding (LOINC 59776-5, the finding
/// as local text), whose abnormal flag (OBX-8, table 0078) says how it is stated — A present, NEG stated absent, IND
/// uncertain — and whose result status (OBX-11) is P for an uncertain finding, F otherwise; one NM OBX per measurement
/// with a UCUM unit (ST when the value does not parse); and the impression (TX, LOINC 19005-8). No patient segment:
/// ReportLens keeps no patient identity.
/// </summary>
public static class OruWriter
{
    public const string Version = "2.5.1";

    public static string Build(OruResults results, string controlId, string? receivingApplication, string? receivingFacility, DateTimeOffset at)
    {
        var stamp = at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
        var segments = new List<string>
        {
            Join("MSH", Hl7Delimiters.Standard.EncodingCharacters, Hl7Ack.Application, "", E(receivingApplication), E(receivingFacility), stamp, "",
                "ORU^R01^ORU_R01", E(controlId), "P", Version, "", "", "", "", "", "UNICODE UTF-8"),
            Obr(results, stamp),
        };
        List<string[]> obx = [["TX", "18748-4^Diagnostic imaging study^LN", string.Join('~', results.ReportText.Split('\n').Select(l => E(l.TrimEnd('\r')))), "", "", "F"]];
        if (results.Extraction is { } extraction)
        {
            IReadOnlyList<Finding> findings = extraction.FindingDetails.Count > 0 ? extraction.FindingDetails : [.. extraction.Findings.Select(f => new Finding { Text = f })];
            obx.AddRange(findings.Select(Finding));
            obx.AddRange(extraction.Measurements.Select(Measurement));
            if (!string.IsNullOrWhiteSpace(extraction.Impression))
            {
                obx.Add(["TX", "19005-8^Radiology Impression^LN", E(extraction.Impression), "", "", "F"]);
            }
        }

        segments.AddRange(obx.Select((o, i) => Join("OBX", (i + 1).ToString(CultureInfo.InvariantCulture), o[0], o[1],
            (i + 1).ToString(CultureInfo.InvariantCulture), o[2], o[3], "", o[4], "", "", o[5])));
        return string.Join(Hl7Delimiters.SegmentTerminator, segments) + Hl7Delimiters.SegmentTerminator;
    }

    private static string Obr(OruResults results, string stamp)
    {
        var fields = new string[26];
        Array.Fill(fields, "");
        fields[0] = "OBR";
        fields[1] = "1";
        fields[3] = E(results.AccessionNumber ?? $"reportlens-{results.ReportId}");
        fields[4] = results.BodyPart is { } part ? $"^{E(part)}^L" : "";
        fields[7] = results.ExamDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";
        fields[22] = stamp;
        fields[24] = E(results.Modality);
        fields[25] = "F";
        return string.Join('|', fields);
    }

    private static string[] Finding(Finding finding)
    {
        var flag = finding.Negated ? "NEG" : finding.Uncertain ? "IND" : finding.Abnormal ? "A" : "";
        var status = finding.Uncertain && !finding.Negated ? "P" : "F";
        return ["CWE", "59776-5^Procedure findings^LN", $"^{E(finding.Text)}^L", "", flag, status];
    }

    private static string[] Measurement(Measurement measurement) =>
        decimal.TryParse(measurement.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && UcumUnits.TryGetCode(measurement.Unit, out var code)
            ? ["NM", $"^{E(measurement.Item)}^L", value.ToString(CultureInfo.InvariantCulture), $"{E(code)}^{E(measurement.Unit)}^UCUM", "", "F"]
            : ["ST", $"^{E(measurement.Item)}^L", E(measurement.Text ?? $"{measurement.Value}{measurement.Unit}"), "", "", "F"];

    private static string Join(params string[] fields) => string.Join('|', fields).TrimEnd('|');

    private static string E(string? value) => value is null ? "" : Hl7Escape.Encode(value, Hl7Delimiters.Standard);
}
