using ReportLens.Core.Deidentification.Evaluation;
using ReportLens.Core.Tests.Corpus;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>The synthetic PHI corpus of tests/data/deid (written by generate.py there).</summary>
internal static class PhiCorpus
{
    private static readonly Lazy<IReadOnlyList<GoldPhiReport>> Reports = new(() =>
        [.. Read("phi-zh.jsonl"), .. Read("phi-en.jsonl")]);

    public static IReadOnlyList<GoldPhiReport> All => Reports.Value;

    private static IReadOnlyList<GoldPhiReport> Read(string file) =>
        GoldCorpus.ReadJsonLines<GoldPhiReport>(Path.Combine(AppContext.BaseDirectory, "data", "deid", file));
}
