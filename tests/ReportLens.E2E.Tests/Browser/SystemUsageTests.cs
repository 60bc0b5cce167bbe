using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>The System page's usage table (admins): a fresh LLM analysis shows up per model and, switched, per user.</summary>
public sealed class SystemUsageTests(UiFixture app)
{
    // A model no other test in this assembly asks for, so its row is this test's analysis alone.
    private const string Model = "qwen2:1.5b";

    [Fact]
    public async Task Admin_SystemPage_UsageTableShowsTheAnalysisTokensPerModelAndPerUser()
    {
        var tokens = await AnalyseAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
        await page.GotoAsync("/system");
        await page.WaitInteractiveAsync();

        var row = page.Locator("[data-testid=usage-row]", new() { HasText = Model });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("1", cells[1]);
        Assert.Equal(tokens.Prompt.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cells[2]);
        Assert.Equal(tokens.Output.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cells[3]);
        await Assertions.Expect(page.Locator("[data-testid=usage-total]")).ToBeVisibleAsync();

        await page.SelectOptionAsync("[data-testid=usage-group]", "User");
        var radiologist = new Regex($"^{Regex.Escape(Accounts.Radiologist)}$");
        await Assertions.Expect(page.Locator("[data-testid=usage-row] td:first-child", new() { HasTextRegex = radiologist })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=usage-row]", new() { HasText = Model })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Viewer_SystemPage_HasNoUsageTable()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);
        await page.GotoAsync("/system");
        await page.WaitInteractiveAsync();

        await page.Locator("[data-testid=backends]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=usage-panel]").CountAsync());
    }

    private async Task<(long Prompt, long Output)> AnalyseAsync()
    {
        using var client = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Radiologist, Accounts.RadiologistPassword);
        var id = await ApiReports.CreateAsync(client, "检查所见：双肺纹理清晰，未见结节。诊断意见：胸部CT未见异常。", "E2E-USAGE-" + Guid.NewGuid().ToString("N")[..6]);
        var analysed = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "llm", model = Model });
        analysed.EnsureSuccessStatusCode();
        var body = await analysed.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("prompt_eval_count").GetInt64(), body.GetProperty("eval_count").GetInt64());
    }
}
