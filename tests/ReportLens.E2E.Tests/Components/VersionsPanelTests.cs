using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Components.ReportView;
using ReportLens.Server.Reports;
using ReportLens.Server.Ui;

namespace ReportLens.E2E.Tests.Components;

/// <summary>The report view's version history: nothing for a report never corrected; after a correction every text, who replaced it and when.</summary>
public sealed class VersionsPanelTests : IDisposable
{
    private static readonly DateTimeOffset Stored = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _context = new();

    public VersionsPanelTests()
    {
        _context.Services.AddSingleton(UiStrings.Load());
        _context.Services.AddScoped<UiText>();
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Render_OneVersion_ShowsNothing()
    {
        var cut = _context.Render<VersionsPanel>(p => p.Add(c => c.Versions, [Version(1, "诊断意见：右肺上叶结节。", null)]));

        Assert.Empty(cut.FindAll("[data-testid=versions-panel]"));
    }

    [Fact]
    public void Render_CorrectedReport_ShowsEveryTextOldestFirstWithWhoReplacedIt()
    {
        var cut = _context.Render<VersionsPanel>(p => p.Add(c => c.Versions,
            [Version(1, "IMPRESSION: No pneumothorax.", "hl7:RIS"), Version(2, "IMPRESSION: Small right apical pneumothorax.", null)]));

        var versions = cut.FindAll("[data-testid=version]");
        Assert.Equal(["1", "2"], versions.Select(v => v.GetAttribute("data-version")));
        Assert.Equal(["IMPRESSION: No pneumothorax.", "IMPRESSION: Small right apical pneumothorax."],
            cut.FindAll("[data-testid=version-text]").Select(t => t.TextContent));
        Assert.Contains("hl7:RIS", Assert.Single(cut.FindAll("[data-testid=version-superseded]")).TextContent, StringComparison.Ordinal);
        Assert.True(versions[1].QuerySelector("details")!.HasAttribute("open"));
        Assert.False(versions[0].QuerySelector("details")!.HasAttribute("open"));
    }

    private static ReportVersionResponse Version(int version, string text, string? supersededBy) =>
        new(version, text, "hash", "CR", "CHEST", null, Stored.AddHours(version), supersededBy is null ? null : Stored.AddHours(version + 1), supersededBy);
}
