using System.Text;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

public sealed class RadiologistScenarioTests(UiFixture app)
{
    [Fact]
    public async Task Radiologist_ImportAnalyseReviewSignOut_WorksInChromium()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        Assert.Contains(Accounts.Radiologist, await page.InnerTextAsync("[data-testid=current-user]"));
        await page.ScreenshotAsync("reports-list");

        // Import: two good rows, two bad ones reported with their line and reason.
        await page.ClickAsync("[data-testid=import-panel] > summary");
        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload
        {
            Name = "e2e-reports.jsonl",
            MimeType = "application/x-ndjson",
            Buffer = Encoding.UTF8.GetBytes(SampleFiles.Jsonl()),
        });
        await page.Locator("[data-testid=import-result]").WaitForAsync();
        Assert.Equal(2, await page.Locator("[data-testid=import-errors] tbody tr").CountAsync());
        Assert.Contains("line 3", await page.InnerTextAsync("[data-testid=import-errors]"));

        // Find and open the Chinese report.
        await page.FillAsync("[data-testid=search]", "E2E-0001");
        await page.ClickAsync("[data-testid=apply-filters]");
        await Assertions.Expect(page.Locator("[data-testid=report-row]")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=open-report]");
        await page.WaitForURLAsync("**/reports/*");
        await page.WaitInteractiveAsync();

        // Highlight analysis: the model's reply streams in, then the highlights are drawn at their spans.
        await page.SelectOptionAsync("[data-testid=analyse-type]", "highlight");
        await page.ClickAsync("[data-testid=analyse-button]");
        await page.Locator("[data-testid=analyse-result].alert-ok").WaitForAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("[data-testid=stream]")));
        var marks = page.Locator("[data-testid=report-text] [data-testid=highlight]");
        await marks.First.WaitForAsync();
        Assert.Equal(SampleFiles.ChineseReport, await page.Locator("[data-testid=report-text]").TextContentAsync());
        var count = await marks.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var mark = marks.Nth(i);
            var start = int.Parse(await mark.GetAttributeAsync("data-start") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
            var end = int.Parse(await mark.GetAttributeAsync("data-end") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(SampleFiles.ChineseReport[start..end], await mark.TextContentAsync());
        }

        // The browser agrees: JavaScript's UTF-16 substring at each span is the element's text.
        var mismatches = await page.EvaluateAsync<int>(
            "() => { const t = document.querySelector('[data-testid=report-text]').textContent; " +
            "return [...document.querySelectorAll('[data-testid=report-text] mark')].filter(m => t.substring(+m.dataset.start, +m.dataset.end) !== m.textContent).length; }");
        Assert.Equal(0, mismatches);

        // Review: accept one item, reject another, and the counts follow.
        var items = page.Locator("[data-testid=highlight-item]");
        Assert.True(await items.CountAsync() >= 3);
        var counts = page.Locator("[data-testid=highlight-panel] [data-testid=review-counts]");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-accepted", "0");
        await items.Nth(0).Locator("[data-testid=accept]").ClickAsync();
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-accepted", "1");
        await items.Nth(1).Locator("[data-testid=reject]").ClickAsync();
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-rejected", "1");
        await Assertions.Expect(items.Nth(0).Locator("[data-testid=review]")).ToHaveAttributeAsync("data-decision", "accept");
        await items.Nth(2).Locator("[data-testid=edit]").ClickAsync();
        await items.Nth(2).Locator("[data-testid=edit-text]").FillAsync("右肺上叶结节（已修正）");
        await items.Nth(2).Locator("[data-testid=save-edit]").ClickAsync();
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-edited", "1");
        var stats = page.Locator("[data-testid=review-stats] [data-testid=stats-row]").First;
        await Assertions.Expect(stats).ToHaveAttributeAsync("data-accepted", "1");
        await Assertions.Expect(stats).ToHaveAttributeAsync("data-rejected", "1");
        Assert.Equal(await items.CountAsync() - 3, int.Parse(await counts.GetAttributeAsync("data-pending") ?? "-1", System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("report-view");

        // Keyboard: a highlight takes focus and shows its reason.
        await marks.First.FocusAsync();
        Assert.Contains("\n", await marks.First.GetAttributeAsync("data-tip") ?? "");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/reports");
        await page.WaitForURLAsync("**/login**");
    }

    [Fact]
    public async Task Viewer_OpensReport_SeesNoAnalyseOrReviewControls()
    {
        var page = await app.NewPageAsync(768, 1024);
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);
        Assert.Equal(0, await page.Locator("[data-testid=import-panel]").CountAsync());
        await page.Locator("[data-testid=open-report]").First.ClickAsync();
        await page.WaitForURLAsync("**/reports/*");
        await page.WaitInteractiveAsync();

        await page.Locator("[data-testid=history-panel]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=analyse-button]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=accept]").CountAsync());
        await page.ScreenshotAsync("report-view-viewer-tablet");
    }

    [Fact]
    public async Task Admin_SystemPage_ShowsDatabaseBackendsAndUsers()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Admin, Accounts.AdminPassword);

        await page.ClickAsync(".mainnav a[href='/system']");
        await page.WaitForURLAsync("**/system");
        await page.WaitInteractiveAsync();

        Assert.Equal("正常", await page.InnerTextAsync("[data-testid=db-status]"));
        Assert.Contains("qwen2.5:7b", await page.InnerTextAsync("[data-testid=system-engine]"));
        Assert.Contains(app.Emulator.BaseUrl.Authority, await page.InnerTextAsync("[data-testid=backends]"));
        // Other tests in this assembly may add accounts to the shared server: the three fixture accounts must be listed.
        foreach (var account in new[] { Accounts.Admin, Accounts.Radiologist, Accounts.Viewer })
        {
            await Assertions.Expect(page.Locator("[data-testid=user-row]", new() { HasText = account }).First).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync("system");
    }

    [Fact]
    public async Task Viewer_SystemPage_HasNoUserAdministration()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);

        await page.GotoAsync("/system");
        await page.WaitInteractiveAsync();

        await page.Locator("[data-testid=backends]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=users-panel]").CountAsync());
    }

    [Fact]
    public async Task Reports_UrgencyAndModalityFilters_NarrowTheTable()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);

        await page.SelectOptionAsync("#f-urgency", "危急");
        await page.ClickAsync("[data-testid=apply-filters]");
        await Assertions.Expect(page.Locator("[data-testid=report-row] [data-testid=urgency]:not(:text-is('危急'))")).ToHaveCountAsync(0);
        Assert.True(await page.Locator("[data-testid=report-row]").CountAsync() > 0);

        await page.SelectOptionAsync("#f-urgency", "");
        await page.SelectOptionAsync("#f-modality", "MRI");
        await page.ClickAsync("[data-testid=apply-filters]");
        await Assertions.Expect(page.Locator("[data-testid=report-row]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task LanguageToggle_English_ShowsEnglishNavigation()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);
        Assert.Contains("报告", await page.InnerTextAsync(".mainnav"));

        await page.ClickAsync(".lang-toggle a[lang=en]");
        await page.Locator(".lang-toggle a[lang=en].active").WaitForAsync();
        await page.WaitInteractiveAsync();

        Assert.Contains("Reports", await page.InnerTextAsync(".mainnav"));
        Assert.Contains("Reports", await page.InnerTextAsync("h1"));
    }
}
