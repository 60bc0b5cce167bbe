using ReportLens.Core.Annotations;

namespace ReportLens.Core.Grounding;

/// <summary>Grounds findings, measurements, locations, devices and the impression of an extraction.</summary>
internal static class ExtractionGrounder
{
    private static readonly char[] DimensionSigns = ['×', 'x', 'X', '*', '＊', '✕'];

    public static ExtractionContent Ground(ExtractionContent content, GroundingTally tally)
    {
        // Details are the grounded view of the plain string lists (findings, locations); a model that sent only strings gets them made.
        var findings = content.FindingDetails.Count > 0
            ? content.FindingDetails
            : [.. content.Findings.Select(text => new Finding { Text = text })];
        var locations = content.LocationDetails.Count > 0
            ? content.LocationDetails
            : [.. content.Locations.Select(text => new GroundedText { Text = text })];
        var impression = content.ImpressionDetails
            ?? (string.IsNullOrWhiteSpace(content.Impression) ? null : new GroundedText { Text = content.Impression });

        return content with
        {
            Findings = content.Findings.Count > 0 ? content.Findings : [.. findings.Select(f => f.Text)],
            FindingDetails = [.. findings.Select(f => f with { Grounding = tally.Locate(f.Text, f.Grounding, null) })],
            Measurements = [.. content.Measurements.Select(m => m with { Grounding = LocateMeasurement(m, tally) })],
            Locations = content.Locations.Count > 0 ? content.Locations : [.. locations.Select(l => l.Text)],
            LocationDetails = [.. locations.Select(l => l with { Grounding = tally.Locate(l.Text, l.Grounding, null) })],
            Impression = string.IsNullOrEmpty(content.Impression) && impression is not null ? impression.Text : content.Impression,
            ImpressionDetails = impression is null ? null : impression with { Grounding = tally.Locate(impression.Text, impression.Grounding, null) },
            Devices = [.. content.Devices.Select(d => d with { Grounding = tally.Locate(d.Text, d.Grounding, null) })],
        };
    }

    /// <summary>By the measurement's own text; failing that by its value and unit as a report would write them.</summary>
    private static SpanGrounding LocateMeasurement(Measurement measurement, GroundingTally tally)
    {
        var hint = measurement.Grounding is { Match: not GroundingMatch.None } previous ? previous.Start : null;
        var grounding = SpanGrounding.NotFound;
        foreach (var candidate in Candidates(measurement))
        {
            grounding = tally.LocateUncounted(candidate, hint);
            if (!grounding.Ungrounded)
            {
                break;
            }
        }

        tally.Count(grounding);
        return grounding;
    }

    private static IEnumerable<string> Candidates(Measurement measurement)
    {
        if (!string.IsNullOrWhiteSpace(measurement.Text))
        {
            yield return measurement.Text;
        }

        var value = measurement.Value.Trim();
        var unit = measurement.Unit.Trim();
        if (value.Length == 0)
        {
            yield break;
        }

        var parts = value.Split(DimensionSigns, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && unit.Length > 0)
        {
            yield return string.Join("×", parts.Select(p => p + unit));
        }

        yield return value + unit;
    }
}
