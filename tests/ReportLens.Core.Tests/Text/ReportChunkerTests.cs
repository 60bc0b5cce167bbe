using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Merging;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Text;

/// <summary>Chunks of a long report: sentence boundaries, overlap, the whole text covered; and their merge.</summary>
public sealed class ReportChunkerTests
{
    private static string Report(int sentences) =>
        "FINDINGS: " + string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"Sentence {i} describes image {i} of the chest.")) +
        "\nIMPRESSION: No acute disease.";

    [Fact]
    public void Chunk_LongReport_CutsOnSentenceEndsWithOverlapAndCoversEverything()
    {
        var report = Report(200);

        var chunks = ReportChunker.Chunk(report, ReportLanguage.En, maxChars: 1000, overlapChars: 100);

        Assert.True(chunks.Count > report.Length / 1000);
        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(report.Length, chunks[^1].End);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 1000));
        for (var i = 1; i < chunks.Count; i++)
        {
            // Each chunk starts before the previous one ends (overlap) and further on (progress), at a sentence start.
            Assert.InRange(chunks[i].Start, chunks[i - 1].Start + 1, chunks[i - 1].End - 1);
            Assert.StartsWith("Sentence ", report[chunks[i].Start..], StringComparison.Ordinal);
            Assert.EndsWith(".", report[chunks[i - 1].Start..chunks[i - 1].End], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chunk_ShortReport_IsOneChunk() =>
        Assert.Equal([new ReportChunk(0, 40)], ReportChunker.Chunk(new string('a', 40), ReportLanguage.En, 100, 10));

    [Fact]
    public void GroundAndMerge_SameSentenceInTwoOverlappingChunks_IsOneItemAtItsPlaceInTheWholeReport()
    {
        var report = "No effusion. Nodule one. No effusion. Nodule two.";
        var first = new ReportChunk(0, 24);
        var second = new ReportChunk(13, report.Length);
        HighlightContent Found(params string[] texts) => new() { Highlights = [.. texts.Select(t => new HighlightItem { Text = t, Category = "abnormal" })] };

        var merged = (HighlightContent)ChunkMerger.Merge(
        [
            ChunkGrounder.Ground(report, first.Start, first.End, Found("No effusion.", "Nodule one."), CancellationToken.None),
            ChunkGrounder.Ground(report, second.Start, second.End, Found("Nodule one.", "No effusion.", "Nodule two."), CancellationToken.None),
        ]);

        Assert.Equal(
            [("No effusion.", 0), ("Nodule one.", 13), ("No effusion.", 25), ("Nodule two.", 38)],
            merged.Highlights.Select(h => (h.Text, h.Start)).OrderBy(x => x.Start));
    }
}
