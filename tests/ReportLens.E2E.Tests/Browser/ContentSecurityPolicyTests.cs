using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>Issue 12 item 8: the UI works under its Content-Security-Policy, and Chromium reports no violation.</summary>
public sealed class ContentSecurityPolicyTests(UiFixture app)
{
    [Fact]
    public async Task MainPages_UnderTheCsp_WorkAndReportNoViolation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations) { violations.Add(message.Text); }
            }
        };
        // The DOM event catches what a console message might word differently; init scripts are exempt from the CSP.
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

        var response = await page.GotoAsync("/login");
        Assert.Contains("frame-ancestors 'none'", response!.Headers["content-security-policy"]);
        await AssertNoViolationAsync(page, violations, "/login");

        await page.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
        await AssertNoViolationAsync(page, violations, "/reports");

        await page.ClickAsync("[data-testid=open-report] >> nth=0");
        await page.WaitForURLAsync("**/reports/*");
        await page.WaitInteractiveAsync();
        await page.SelectOptionAsync("[data-testid=analyse-type]", "scoring");
        await page.ClickAsync("[data-testid=analyse-button]");
        await page.Locator("[data-testid=analyse-result]").WaitForAsync();
        await AssertNoViolationAsync(page, violations, "a report with an analysis");

        foreach (var path in new[] { "/jobs", "/system" })
        {
            await page.GotoAsync(path);
            await page.WaitInteractiveAsync();
            await AssertNoViolationAsync(page, violations, path);
        }
    }

    private static async Task AssertNoViolationAsync(IPage page, List<string> console, string where)
    {
        var events = await page.EvaluateAsync<string[]>("() => window.__csp ?? []");
        lock (console)
        {
            Assert.True(console.Count == 0 && events.Length == 0,
                $"CSP violations on {where}: {string.Join(" | ", console.Concat(events))}");
        }
    }
}
