using System.Text.RegularExpressions;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>Finds measurements: a number with a unit, or a decimal number ("心胸比例约0.48").</summary>
internal sealed class MeasurementFinder
{
    private const string ItemStops = "。；;，,！？!?\n\r";
    private readonly Regex _pattern;
    private readonly EmulatorLexicon _lexicon;

    public MeasurementFinder(EmulatorLexicon lexicon)
    {
        _lexicon = lexicon;
        var units = string.Join('|', lexicon.Units.OrderByDescending(u => u.Length).Select(Regex.Escape));
        _pattern = new Regex(
            @"(?<![A-Za-z0-9.])(?<value>\d+(?:\.\d+)?)(?:\s*(?<unit>" + units + @"))?(?:\s*[x×*]\s*(?<value>\d+(?:\.\d+)?)(?:\s*(?<unit>" + units + @"))?)*",
            RegexOptions.CultureInvariant);
    }

    public IReadOnlyList<MeasurementSpan> Find(string masked)
    {
        var found = new List<MeasurementSpan>();
        foreach (Match match in _pattern.Matches(masked))
        {
            // "1.2cm×0.8cm" → value "1.2×0.8", unit "cm".
            var value = string.Join('×', match.Groups["value"].Captures.Select(c => c.Value));
            var unit = match.Groups["unit"].Success ? match.Groups["unit"].Captures[^1].Value : "";
            if (unit.Length == 0 && !value.Contains('.'))
            {
                continue;
            }
            if (unit.Length > 0 && char.IsAsciiLetter(masked[match.Index + match.Length - 1]) && match.Index + match.Length < masked.Length
                && char.IsAsciiLetter(masked[match.Index + match.Length]))
            {
                // "5 months", "3 cms" — the unit must end the word.
                continue;
            }
            found.Add(new MeasurementSpan(match.Index, match.Index + match.Length, ItemBefore(masked, match.Index), value, unit, match.Value));
        }
        return found;
    }

    private string ItemBefore(string text, int index)
    {
        var start = index;
        while (start > 0 && !ItemStops.Contains(text[start - 1]))
        {
            start--;
        }
        var item = text[start..index].Trim();
        var trimmed = true;
        while (trimmed && item.Length > 0)
        {
            trimmed = false;
            foreach (var word in _lexicon.MeasurementItemTrim)
            {
                if (item.EndsWith(word, StringComparison.OrdinalIgnoreCase) && item.Length >= word.Length)
                {
                    item = item[..^word.Length].TrimEnd();
                    trimmed = true;
                }
            }
        }
        return item;
    }
}
