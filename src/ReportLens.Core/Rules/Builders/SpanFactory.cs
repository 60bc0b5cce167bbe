using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Rules.Builders;

/// <summary>Exact groundings for spans the rules took from the report itself, with code-point offsets.</summary>
internal sealed class SpanFactory(string text)
{
    private readonly TextLocator _locator = new(text);

    public SpanGrounding Exact(int start, int end) => _locator.Exact(start, end);
}
