using ReportLens.Core.Deidentification.Detection;

namespace ReportLens.Core.Deidentification.Surrogates;

/// <summary>Moves a date found by the detector by a number of days, in the date's own written form.</summary>
internal static class DateShifter
{
    public static string? Shift(string text, int days)
    {
        var lexicon = PhiDetector.Lexicon;
        foreach (var rule in lexicon.Patterns.Where(p => p.Type == PhiType.Date).Select(p => p.Regex).Append(LabelledValues.CompactDate()))
        {
            var match = rule.Match(text);
            if (match.Success && match.Index == 0 && match.Length == text.Length && DateParts.TryRead(match, lexicon.Months, out var parts))
            {
                return parts!.Shift(match, days, lexicon.Months);
            }
        }

        return null;
    }
}
