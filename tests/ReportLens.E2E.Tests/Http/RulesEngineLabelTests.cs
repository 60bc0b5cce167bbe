using System.Net;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Http;

public sealed class RulesEngineLabelTests(NoOllamaFixture app) : IClassFixture<NoOllamaFixture>
{
    [Fact]
    public async Task Pages_WithoutOllama_SayAnalysesRunOnTheBuiltInRulesEngine()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };

        var login = await client.GetStringAsync("/login", TestContext.Current.CancellationToken);
        Assert.Contains("内置规则引擎", login);
        Assert.Contains("engine-rules", login);

        await CookieSignInTests.PostLoginAsync(client, Accounts.Admin, Accounts.AdminPassword, "/reports/1");
        var report = await client.GetStringAsync("/reports/1", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"rules-notice\"", report);
        Assert.Contains("未连接到 Ollama", report);
    }
}
