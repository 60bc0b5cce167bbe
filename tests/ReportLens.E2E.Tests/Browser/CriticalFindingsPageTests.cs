using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

public sealed class CriticalFindingsPageTests(UiFixture app)
{
    [Fact]
    public async Task Radiologist_AnalysesReportWithPneumothorax_CaseAppearsLiveAndIsAcknowledged()
    {
        using var api = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Radiologist, Accounts.RadiologistPassword);
        var text = $"检查所见：右侧气胸，右肺组织压缩约30%。编号{Guid.NewGuid():N}。\n诊断意见：右侧气胸。";
        var reportId = await ApiReports.CreateAsync(api, text, "E2E-PTX");

        // One radiologist watches the Critical findings page while another analyses the report.
        var watcher = await app.NewPageAsync();
        await watcher.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await watcher.GotoAsync("/critical-findings");
        await watcher.WaitInteractiveAsync();
        var row = watcher.Locator($"[data-testid=critical-row][data-report-id='{reportId}']");
        Assert.Equal(0, await row.CountAsync());

        var analyst = await app.NewPageAsync();
        await analyst.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await analyst.GotoAsync($"/reports/{reportId}");
        await analyst.WaitInteractiveAsync();
        await analyst.SelectOptionAsync("[data-testid=analyse-type]", "highlight");
        await analyst.ClickAsync("[data-testid=analyse-button]");
        await analyst.Locator("[data-testid=analyse-result].alert-ok").WaitForAsync(new() { Timeout = 60_000 });

        await row.WaitForAsync();
        Assert.Equal("气胸", await row.Locator("[data-testid=critical-term]").InnerTextAsync());
        Assert.Equal("open", await row.GetAttributeAsync("data-state"));
        Assert.Contains("待确认", await row.InnerTextAsync());
        await watcher.ScreenshotAsync("critical-findings");
        var caseId = await row.GetAttributeAsync("data-case-id");
        await row.Locator("[data-testid=critical-note]").FillAsync("已电话通知急诊科");
        await row.Locator("[data-testid=critical-note]").DispatchEventAsync("change");
        await row.Locator("[data-testid=critical-acknowledge]").ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Contains($"#{caseId}", await watcher.InnerTextAsync("[data-testid=critical-message]"));
        using var acknowledged = await api.GetAsync("/api/v1/critical-findings?state=acknowledged&page_size=200");
        var stored = (await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("report_id").GetInt32() == reportId);
        Assert.Equal("已电话通知急诊科", stored.GetProperty("note").GetString());
        Assert.Equal(Accounts.Radiologist, stored.GetProperty("closed_by_name").GetString());
    }

    [Fact]
    public async Task Viewer_CriticalFindingsPage_HasNoAcknowledgeOrDismissControls()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);
        await page.GotoAsync("/critical-findings");
        await page.WaitInteractiveAsync();

        Assert.Equal(0, await page.Locator("[data-testid=critical-acknowledge]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=critical-dismiss]").CountAsync());
    }
}
