using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ReportLens.Core.Evaluation;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>
/// Issue 14 item 5 in the browser: a radiologist reviews a report (accept, reject, add a Chinese span), an admin sees the
/// engine scored against the settled reviews on the System page and downloads the gold file with the added span at its offsets.
/// </summary>
public sealed class GoldExportUiTests(UiFixture app)
{
    // The emoji makes UTF-16 and code-point offsets differ for everything after it.
    private const string Text = "检查所见：🫁肝脏形态正常。胆囊壁稍厚。右肾见一囊性低密度灶，大小约1.5cm。\n诊断意见：右肾囊肿；胆囊壁稍厚。";
    private const string Missed = "胆囊壁稍厚";

    [Fact]
    public async Task ReviewInTheBrowser_ThenAdminExportsGold_FileHoldsTheAddedSpanAtExactOffsets()
    {
        var reportId = await AnalysedReportAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await page.GotoAsync($"/reports/{reportId}");
        await page.WaitInteractiveAsync();
        var count = await page.Locator("[data-testid=highlight-item]").CountAsync();
        Assert.True(count >= 2, $"the rules engine found {count} highlights");
        var counts = page.Locator("[data-testid=highlight-panel] [data-testid=review-counts]");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("r");
        for (var i = 1; i < count; i++)
        {
            await page.Keyboard.PressAsync("a");
        }

        await Assertions.Expect(counts).ToHaveAttributeAsync("data-pending", "0");
        var start = Text.IndexOf(Missed, StringComparison.Ordinal);
        await page.SelectReportTextAsync(start, start + Missed.Length);
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("[data-testid=add-text]")).ToHaveTextAsync(Missed);
        // As a reviewer would: Enter once the form has the focus (the text shows a moment before the focus moves).
        await Assertions.Expect(page.Locator("[data-testid=add-list]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=added-item]")).ToHaveCountAsync(1);

        var admin = await app.NewPageAsync();
        await admin.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
        await admin.GotoAsync("/system");
        await admin.WaitInteractiveAsync();
        var rules = admin.Locator("[data-testid=gold-row][data-engine=rules]");
        await Assertions.Expect(rules).ToHaveCountAsync(1);
        await AssertShownAsTheServerScoresAsync(rules);
        await admin.ScreenshotAsync("gold-scores");
        await admin.Locator("[data-testid=gold-scores]").ScreenshotAsync("gold-scores-panel");

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("[data-testid=gold-export]").ClickAsync());
        var path = Path.Combine(UiFixture.ScreenshotFolder, "..", $"gold-{Guid.NewGuid():N}.jsonl");
        await download.SaveAsAsync(path);
        var record = Assert.Single(GoldFile.Load(path), r => r.Id == $"report-{reportId}");
        var added = Assert.Single(record.Findings, f => f.Text == Missed && f.Start == start);
        Assert.Equal(Text[..start].EnumerateRunes().Count(), added.CodePointStart);
        Assert.Equal(start - 1, added.CodePointStart);
        File.Delete(path);
    }

    /// <summary>The figure in the row is the one GET /api/v1/gold/scores gives (the evaluator `eval` uses), to three decimals.</summary>
    private async Task AssertShownAsTheServerScoresAsync(ILocator row)
    {
        using var client = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Admin, Accounts.AdminPassword);
        var scores = await client.GetFromJsonAsync<JsonElement>("/api/v1/gold/scores");
        var rules = scores.EnumerateArray().Single(s => s.GetProperty("engine").GetString() == "rules");
        var f1 = rules.GetProperty("scores").GetProperty("highlight_exact").GetProperty("f1").GetDouble();
        await Assertions.Expect(row.Locator("[data-metric='highlight span F1 (exact)']")).ToHaveTextAsync(f1.ToString("0.000", CultureInfo.InvariantCulture));
    }

    private async Task<int> AnalysedReportAsync()
    {
        using var client = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Radiologist, Accounts.RadiologistPassword);
        return (await ApiReports.HighlightedByRulesAsync(client, Text, "E2E-GOLD-" + Guid.NewGuid().ToString("N")[..6])).ReportId;
    }
}
