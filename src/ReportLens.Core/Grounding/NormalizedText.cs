using System.Text;

namespace ReportLens.Core.Grounding;

/// <summary>
/// A report in normalised form (see <see cref="TextNormalizer"/>) with, for every normalised char, the UTF-16
/// range of the original code point it came from, so a match found here maps back to the report's own offsets.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[] _sourceStart;
    private readonly int[] _sourceEnd;

    public NormalizedText(string original)
    {
        var builder = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        Dictionary<char, string>? cache = null;
        for (var i = 0; i < original.Length;)
        {
            var before = builder.Length;
            var width = TextNormalizer.AppendNormalized(original, i, builder, ref cache);
            for (var k = before; k < builder.Length; k++)
            {
                starts.Add(i);
                ends.Add(i + width);
            }

            i += width;
        }

        Text = builder.ToString();
        _sourceStart = [.. starts];
        _sourceEnd = [.. ends];
    }

    public string Text { get; }

    /// <summary>Original UTF-16 start of the code point behind normalised index <paramref name="index"/>.</summary>
    public int SourceStart(int index) => _sourceStart[index];

    /// <summary>Original UTF-16 end (exclusive) of a normalised range ending (exclusive) at <paramref name="end"/>.</summary>
    public int SourceEnd(int end) => _sourceEnd[end - 1];
}
