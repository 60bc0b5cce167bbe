using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Text;

/// <summary>The embedded data file reader behind the lexicons, the UCUM units and the prompt library.</summary>
public sealed class EmbeddedTextTests
{
    private static readonly System.Reflection.Assembly Assembly = typeof(EmbeddedTextTests).Assembly;

    [Fact]
    public void ReadLines_SkipsBlankAndCommentLines_AndTrimsSpaces()
    {
        var lines = EmbeddedText.ReadLines(Assembly, "ReportLens.Core.Tests.embedded-lines.txt");

        Assert.Equal(["first", "\tsecond"], lines);
    }

    [Fact]
    public void ReadRows_RowWithTooFewColumns_NamesResourceAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => EmbeddedText.ReadRows(Assembly, "ReportLens.Core.Tests.embedded-rows.tsv", minColumns: 2));

        Assert.Contains("ReportLens.Core.Tests.embedded-rows.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_WellFormedRows_ReturnsTheirColumns()
    {
        var rows = EmbeddedText.ReadRows(Assembly, "ReportLens.Core.Tests.embedded-rows.tsv", minColumns: 1);

        Assert.Equal([["mm", "mm"], ["cm"]], rows);
    }

    [Fact]
    public void Read_MissingResource_IsInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => EmbeddedText.Read(Assembly, "ReportLens.Core.Tests.absent.txt"));

        Assert.Contains("absent.txt", error.Message, StringComparison.Ordinal);
    }
}
