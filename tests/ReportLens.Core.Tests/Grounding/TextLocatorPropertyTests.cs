using System.Text;
using CsCheck;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Tests.Grounding;

public sealed class TextLocatorPropertyTests
{
    [Fact]
    public void Locate_AnySubstringAnyHint_IsExactNearestOccurrenceWithConsistentOffsets()
    {
        GroundingGen.ReportWithSlice.Sample(sample =>
        {
            var report = string.Concat(sample.Report);
            var needle = string.Concat(sample.Report[sample.From..sample.To]);
            if (string.IsNullOrWhiteSpace(needle))
            {
                return;
            }

            var grounding = TextLocator.Locate(report, needle, sample.Hint);

            Assert.Equal(GroundingMatch.Exact, grounding.Match);
            var start = grounding.Start!.Value;
            Assert.Equal(needle, report[start..grounding.End!.Value]);
            Assert.Equal(needle, grounding.SourceText);
            Assert.Equal(NearestDistance(report, needle, sample.Hint), Math.Abs(start - sample.Hint));
            Assert.Equal(report[..start].EnumerateRunes().Count(), grounding.CodePointStart);
            Assert.Equal(grounding.CodePointStart + needle.EnumerateRunes().Count(), grounding.CodePointEnd);
        }, iter: 2_000);
    }

    [Fact]
    public void Locate_PerturbedSubstring_IsFoundAndSourceTextIsTheReportSpan()
    {
        var gen = from sample in GroundingGen.ReportWithSlice
                  from choices in Gen.Int[0, 3].Array[sample.To - sample.From]
                  select (sample, choices);
        gen.Sample(x =>
        {
            var (sample, choices) = x;
            var report = string.Concat(sample.Report);
            var needle = string.Concat(sample.Report[sample.From..sample.To].Select((cp, i) => GroundingGen.Perturb(cp, choices[i])));
            if (TextNormalizer.Normalize(needle).Length == 0)
            {
                return;
            }

            var grounding = TextLocator.Locate(report, needle, sample.Hint);

            Assert.NotEqual(GroundingMatch.None, grounding.Match);
            Assert.NotEqual(GroundingMatch.Fuzzy, grounding.Match);
            Assert.Equal(report[grounding.Start!.Value..grounding.End!.Value], grounding.SourceText);
            Assert.Equal(TextNormalizer.Normalize(needle), TextNormalizer.Normalize(grounding.SourceText!));
            Assert.Equal(report[..grounding.Start.Value].EnumerateRunes().Count(), grounding.CodePointStart);
            Assert.Equal(report[..grounding.End.Value].EnumerateRunes().Count(), grounding.CodePointEnd);
        }, iter: 2_000);
    }

    [Fact]
    public void Locate_RandomNeedle_UngroundedHasNoSpanAndGroundedCutsItsSourceText()
    {
        var gen = from report in GroundingGen.Report
                  from needle in GroundingGen.Report
                  from hint in Gen.Int[-5, 400]
                  select (report, needle, hint);
        gen.Sample(x =>
        {
            var report = string.Concat(x.report);
            var grounding = TextLocator.Locate(report, string.Concat(x.needle), x.hint);

            if (grounding.Ungrounded)
            {
                Assert.Equal((null, null, null, null, null), (grounding.Start, grounding.End, grounding.CodePointStart, grounding.CodePointEnd, grounding.SourceText));
            }
            else
            {
                Assert.InRange(grounding.Score, 0.8, 1.0);
                Assert.True(grounding.End > grounding.Start);
                Assert.Equal(report[grounding.Start!.Value..grounding.End!.Value], grounding.SourceText);
                Assert.False(char.IsLowSurrogate(report[grounding.Start.Value]));
                Assert.False(char.IsHighSurrogate(report[grounding.End.Value - 1]));
            }
        }, iter: 2_000);
    }

    private static int NearestDistance(string report, string needle, int hint)
    {
        var best = int.MaxValue;
        for (var i = report.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = report.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            best = Math.Min(best, Math.Abs(i - hint));
        }

        return best;
    }
}
