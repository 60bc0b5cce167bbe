using CsCheck;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Tests.Grounding;

public sealed class FuzzyAlignerTests
{
    [Fact]
    public void Best_AnyStrings_FindsTheLeastDistanceOfAnySubstringLikeBruteForce()
    {
        var text = Gen.String[Gen.Char["ab结节c"], 0, 24];
        var gen = from needle in Gen.String[Gen.Char["ab结节c"], 1, 8]
                  from haystack in text
                  from k in Gen.Int[0, 4]
                  select (needle, haystack, k);
        gen.Sample(x =>
        {
            var expected = BruteForce(x.needle, x.haystack);

            var best = FuzzyAligner.Best(x.needle, x.haystack, 0, x.haystack.Length, x.k);

            if (expected > x.k || expected == x.needle.Length)
            {
                Assert.True(best.Count == 0 || best.All(b => b.Distance == expected), $"expected none within {x.k}, brute force {expected}");
            }
            else
            {
                Assert.NotEmpty(best);
                Assert.All(best, b =>
                {
                    Assert.Equal(expected, b.Distance);
                    Assert.Equal(expected, Distance(x.needle, x.haystack[b.Start..b.End]));
                });
            }
        }, iter: 3_000);
    }

    private static int BruteForce(string needle, string haystack)
    {
        var best = needle.Length;
        for (var s = 0; s < haystack.Length; s++)
        {
            for (var e = s + 1; e <= haystack.Length; e++)
            {
                best = Math.Min(best, Distance(needle, haystack[s..e]));
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
