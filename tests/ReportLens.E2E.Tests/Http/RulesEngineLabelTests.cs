using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Browser;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Http;

public sealed class RulesEngineLabelTests(NoOllamaFixture app, UiFixture ui) : IClassFixture<NoOllamaFixture>
{
    [Fact]
    public async Task Pages_WithoutOllama_SayAnalysesRunOnTheBuiltInRulesEngine()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var login = await client.GetStringAsync("/login", TestContext.Current.CancellationToken);
        Assert.Contains("内置规则引擎", login);
        Assert.Contains("engine-rules", login);

        // The report page renders in its circuit (no prerender), so a browser reads it.
        await using var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
        await page.GotoAsync("/reports/1");
        await page.WaitInteractiveAsync();
        var notice = page.Locator("[data-testid=rules-notice]");
        await notice.WaitForAsync();
        Assert.Contains("未连接到 Ollama", await notice.InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=truncated-notice]").CountAsync());

        // A report with more findings than the cap (10 here): the API says truncated, and so does the page.
        var reportId = await AnalysedLongReportAsync();
        await page.GotoAsync($"/reports/{reportId}");
        await page.WaitInteractiveAsync();
        var truncated = page.Locator("[data-testid=highlight-panel] [data-testid=truncated-notice]");
        await truncated.WaitForAsync();
        Assert.Contains("10", await truncated.InnerTextAsync());
        Assert.Equal(10, await page.Locator("[data-testid=highlight-item]").CountAsync());
    }

    private async Task<int> AnalysedLongReportAsync()
    {
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { username = Accounts.Admin, password = Accounts.AdminPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var text = string.Concat(Enumerable.Repeat("右肺上叶见结节影，大小约8mm。肝内见低密度灶，考虑囊肿。", 15));
        var created = await api.PostAsJsonAsync("/api/v1/reports", new { report_content = text, modality = "CT" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var analysed = await api.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "rules" });
        Assert.True((await analysed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("truncated").GetBoolean());
        return id;
    }
}
