namespace ReportLens.Core.Deidentification.Detection;

/// <summary>Names found once, found everywhere: later mentions of a name read from a label, and the staff list.</summary>
internal static class NameOccurrences
{
    public static void Find(string text, IEnumerable<string> names, string rule, List<PhiCandidate> found)
    {
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                if (IsWholeWord(text, at, at + name.Length))
                {
                    found.Add(new PhiCandidate(at, at + name.Length, PhiType.Name, rule));
                }
            }
        }
    }

    // Chinese names have no word boundaries to check; a Latin name must not be part of a longer word.
    private static bool IsWholeWord(string text, int start, int end) =>
        !char.IsAsciiLetter(text[start]) || ((start == 0 || !char.IsLetterOrDigit(text[start - 1]))
            && (end == text.Length || !char.IsLetterOrDigit(text[end])));
}
