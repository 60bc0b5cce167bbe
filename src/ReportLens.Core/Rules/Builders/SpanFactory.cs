using ReportLens.Core.Annotations;

namespace ReportLens.Core.Rules.Builders;

/// <summary>Exact groundings for spans the rules took from the report itself, with code-point offsets.</summary>
internal sealed class SpanFactory(string text)
{
    private int[]? _codePoints;
    private bool _checked;

    public SpanGrounding Exact(int start, int end) => new()
    {
        Match = GroundingMatch.Exact,
        Score = 1,
        Start = start,
        End = end,
        CodePointStart = CodePoint(start),
        CodePointEnd = CodePoint(end),
        SourceText = text[start..end],
    };

    private int CodePoint(int utf16)
    {
        if (!_checked)
        {
            _checked = true;
            if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            {
                _codePoints = new int[text.Length + 1];
                for (var i = 0; i < text.Length; i++)
                {
                    // The low half of a pair adds no code point; a lone surrogate counts as one (as U+FFFD would).
                    var pairTail = char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);
                    _codePoints[i + 1] = _codePoints[i] + (pairTail ? 0 : 1);
                }
            }
        }

        return _codePoints is null ? utf16 : _codePoints[utf16];
    }
}
