using System.Text;
using CsCheck;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Merging;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Merging;

/// <summary>
/// Issue 12, item 2: the caller's token reaches the fuzzy alignment and the hybrid merge, and pairing looks only at
/// items that can share characters or text while choosing exactly the partners every-pair comparison chooses.
/// </summary>
public sealed class PairingAndCancellationTests
{
    private static string LongReport()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 100_000; i++)
        {
            text.Append(i % 2 == 0 ? "右肺上叶见结节影，大小约8mm，边界清楚。" : "肝内见低密度灶，未见明显强化，考虑囊肿。");
        }

        return text.ToString(0, 100_000);
    }

    [Fact]
    public void Locate_CancelledToken_StopsTheFuzzyAlignment()
    {
        var locator = new TextLocator(LongReport());
        const string typoed = "左肾上极见高密度结石影大小约12mm伴轻度积水扩张改变明显";
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var error = Assert.ThrowsAny<OperationCanceledException>(() => locator.Locate(typoed, hint: null, cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Theory]
    [InlineData(AnnotationType.Highlight)]
    [InlineData(AnnotationType.Extraction)]
    public void Merge_CancelledToken_Throws(AnnotationType type)
    {
        var report = LongReport();
        var rules = Grounder.Ground(report, RulesEngine.Default.Analyze(report, type, ReportLanguage.Zh)).Content;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var error = Assert.ThrowsAny<OperationCanceledException>(() => EngineMerger.Merge(rules, rules, options: null, cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    private static readonly Gen<ItemPairing.Key> Key =
        Gen.Select(Gen.Int[0, 300], Gen.Int[0, 40], Gen.Bool, Gen.OneOf(Gen.Const("结节"), Gen.Const("积液"), Gen.Const("钙化"), Gen.Const("")))
            .Select(x => new ItemPairing.Key(
                x.Item3 ? new SpanGrounding { Match = GroundingMatch.Exact, Score = 1, Start = x.Item1, End = x.Item1 + x.Item2 } : null,
                x.Item4));

    [Fact]
    public void Pair_ChoosesTheSamePartnersAsComparingEveryPair()
    {
        Gen.Select(Key.List[0, 40], Key.List[0, 40]).Sample(x =>
        {
            var (llm, rules) = x;
            static bool Compatible(ItemPairing.Key l, ItemPairing.Key r) => (l.Text.Length + r.Text.Length) % 3 != 1;

            var partners = ItemPairing.Pair(llm, rules, k => k, k => k, Compatible);

            Assert.Equal(EveryPair(llm, rules, Compatible), partners);
        });
    }

    // The reference: every pair weighed (shared report characters, or equal text when either has no span), heaviest first.
    private static int[] EveryPair(List<ItemPairing.Key> llm, List<ItemPairing.Key> rules, Func<ItemPairing.Key, ItemPairing.Key, bool> compatible)
    {
        var candidates = new List<(int Llm, int Rules, int Weight)>();
        for (var i = 0; i < llm.Count; i++)
        {
            for (var j = 0; j < rules.Count; j++)
            {
                var (l, r) = (llm[i], rules[j]);
                var weight = l.Grounding is { Start: { } ls, End: { } le } && r.Grounding is { Start: { } rs, End: { } re }
                    ? Math.Max(0, Math.Min(le, re) - Math.Max(ls, rs))
                    : l.Text.Length > 0 && l.Text == r.Text ? l.Text.Length : 0;
                if (weight > 0 && compatible(l, r))
                {
                    candidates.Add((i, j, weight));
                }
            }
        }

        var partner = Enumerable.Repeat(-1, llm.Count).ToArray();
        var taken = new bool[rules.Count];
        foreach (var (i, j, _) in candidates.OrderByDescending(c => c.Weight).ThenBy(c => c.Llm).ThenBy(c => c.Rules))
        {
            if (partner[i] < 0 && !taken[j])
            {
                (partner[i], taken[j]) = (j, true);
            }
        }

        return partner;
    }
}
