using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>Issue 14, items 1 and 2: a report reviewed with the keyboard alone, and a missed finding added from a selection of Chinese text.</summary>
public sealed class KeyboardReviewTests(UiFixture app)
{
    // The emoji makes UTF-16 and code-point offsets differ for everything after it.
    private const string Text = "检查所见：😀双肺纹理增多。右肺上叶见一结节，大小约1.2cm×0.8cm。左侧胸腔少量积液。\n诊断意见：右肺上叶结节；左侧胸腔积液。";
    private const string Missed = "双肺纹理增多";

    [Fact]
    public async Task Radiologist_ReviewsAReportWithKeysOnly_AndAddsAChineseSpan()
    {
        var reportId = await AnalysedReportAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await page.GotoAsync($"/reports/{reportId}");
        await page.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=key-legend] [data-key=a]")).ToContainTextAsync("a");
        var items = page.Locator("[data-testid=highlight-item]");
        var count = await items.CountAsync();
        Assert.True(count >= 4, $"the rules engine found {count} highlights");
        var counts = page.Locator("[data-testid=highlight-panel] [data-testid=review-counts]");
        var keyboard = page.Keyboard;

        // j selects the first item; a and r decide and move on; e opens the edit box with the focus in it.
        await keyboard.PressAsync("j");
        await keyboard.PressAsync("a");
        await keyboard.PressAsync("r");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-rejected", "1");
        await keyboard.PressAsync("e");
        await Assertions.Expect(items.Nth(2).Locator("[data-testid=edit-text]")).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(items.Nth(2).Locator("[data-testid=attr-negated]")).ToBeFocusedAsync();
        await keyboard.PressAsync("Space");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-edited", "1");
        await keyboard.PressAsync("j");
        for (var i = 3; i < count; i++)
        {
            await keyboard.PressAsync("a");
        }

        await Assertions.Expect(counts).ToHaveAttributeAsync("data-pending", "0");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-accepted", (count - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(items.Nth(2).Locator("[data-testid=corrected]")).ToBeVisibleAsync();

        // A missed finding: select it in the text (after the emoji), press n, then Enter.
        var start = Text.IndexOf(Missed, StringComparison.Ordinal);
        await page.SelectReportTextAsync(start, start + Missed.Length);
        await keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("[data-testid=add-text]")).ToHaveTextAsync(Missed);
        await Assertions.Expect(page.Locator("[data-testid=add-list]")).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        var added = page.Locator("[data-testid=added-item]");
        await Assertions.Expect(added).ToHaveCountAsync(1);
        var codePointStart = Text[..start].EnumerateRunes().Count();
        Assert.Equal(($"{start}", $"{start + Missed.Length}", $"{codePointStart}"),
            (await added.GetAttributeAsync("data-start"), await added.GetAttributeAsync("data-end"), await added.GetAttributeAsync("data-code-point-start")));
        Assert.Equal(start - 1, codePointStart);
        var mark = page.Locator($"[data-testid=report-text] mark.hl-added[data-start='{start}']");
        Assert.Equal(Missed, await mark.TextContentAsync());
        Assert.Equal(Text, await page.Locator("[data-testid=report-text]").TextContentAsync());
        await page.ScreenshotAsync("keyboard-review");

        // ] opens the next report of the review queue.
        await keyboard.PressAsync("]");
        await page.WaitForURLAsync(url => !url.EndsWith($"/reports/{reportId}", StringComparison.Ordinal) && url.Contains("/reports/", StringComparison.Ordinal));
    }

    private async Task<int> AnalysedReportAsync()
    {
        using var client = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Radiologist, Accounts.RadiologistPassword);
        return (await ApiReports.HighlightedByRulesAsync(client, Text, "E2E-KEYS-" + Guid.NewGuid().ToString("N")[..6])).ReportId;
    }
}
