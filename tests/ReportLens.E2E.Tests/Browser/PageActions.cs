using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

internal static partial class PageActions
{
    [GeneratedRegex(@"/reports$")]
    private static partial Regex ReportsUrl();

    public static async Task SignInAsync(this IPage page, string username, string password)
    {
        await page.GotoAsync("/reports");
        await page.WaitForURLAsync("**/login**");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        try
        {
            // Generous: batch jobs of other tests may be writing to the same SQLite file meanwhile. The URL is polled, not
            // waited for as a navigation: when the redirect had already happened, WaitForURL waited for a load event
            // that can stall under load. The interactive check below is what says the page is usable.
            await Assertions.Expect(page).ToHaveURLAsync(ReportsUrl(), new() { Timeout = 45_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new TimeoutException($"sign-in as {username} did not reach /reports; the page is at {page.Url}", ex);
        }

        await page.WaitInteractiveAsync();
    }

    /// <summary>Prerendered HTML arrives first; clicks only work once the circuit has taken the page over.</summary>
    public static Task WaitInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=page][data-interactive=true]").WaitForAsync();

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>One part of a page (a panel), for docs that show just that part.</summary>
    public static Task ScreenshotAsync(this ILocator part, string name) =>
        part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(UiFixture.ScreenshotFolder, name + ".png") });

    /// <summary>Selects the report text between two UTF-16 offsets, as a reviewer's drag would (the marks split it into several text nodes).</summary>
    public static Task SelectReportTextAsync(this IPage page, int start, int end) => page.EvaluateAsync(SelectJs, new[] { start, end });

    private const string SelectJs = """
        ([start, end]) => {
          const root = document.querySelector('[data-testid=report-text]');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let seen = 0, started = false, node;
          while ((node = walker.nextNode())) {
            const len = node.data.length;
            if (!started && start < seen + len) { range.setStart(node, start - seen); started = true; }
            if (end >= seen && end <= seen + len) { range.setEnd(node, end - seen); break; }
            seen += len;
          }
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
        """;
}
