using System.Net;
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
    }
}
