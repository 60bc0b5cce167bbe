using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>
/// Issue 14, item 4: an admin assigns a report to two reviewers; each reviews it blind to the other and finishes; they
/// disagree on one item; a third person adjudicates it; the agreement view shows κ.
/// </summary>
public sealed class DoubleReviewBrowserTests(UiFixture app)
{
    private const string Text = "检查所见：双肺纹理增多。右肺上叶见一结节，大小约1.2cm×0.8cm。左侧胸腔少量积液。\n诊断意见：右肺上叶结节；左侧胸腔积液。";
    private const string Password = "reviewer-pass-1";

    [Fact]
    public async Task TwoReviewersDisagreeOnOneItem_AThirdPersonSettlesIt_AndAgreementShowsKappa()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (first, second) = ($"dra{suffix}", $"drb{suffix}");
        var (reportId, annotationId) = await AnalysedReportAsync(first, second);

        var admin = await app.NewPageAsync();
        await admin.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
        await admin.GotoAsync($"/reports/{reportId}");
        await admin.WaitInteractiveAsync();
        await admin.SelectOptionAsync("[data-testid=assign-first]", first);
        await admin.SelectOptionAsync("[data-testid=assign-second]", second);
        await admin.ClickAsync("[data-testid=assign-double]");
        // Scoped to this test's annotation: another test's job over all reports may have analysed this one as well.
        var assigned = admin.Locator($"[data-testid=double-review][data-annotation-id='{annotationId}']");
        await Assertions.Expect(assigned).ToHaveAttributeAsync("data-state", "in_review");

        // The first reviewer rejects items 0 and 1 and accepts the rest; the second rejects item 0 only.
        var count = await ReviewAsync(reportId, first, rejected: 2, screenshot: null);
        var second0 = await ReviewAsync(reportId, second, rejected: 1, screenshot: "double-review-reviewer");
        Assert.Equal(count, second0);

        await admin.GotoAsync("/reviews/double");
        await admin.WaitInteractiveAsync();
        var row = admin.Locator($"[data-testid=double-review-row][data-annotation-id='{annotationId}'][data-state=needs_adjudication]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("a.btn").ClickAsync();
        await admin.WaitInteractiveAsync();
        await Assertions.Expect(admin.Locator("[data-testid=disputed-count]")).ToHaveAttributeAsync("data-count", "1");
        var disputed = admin.Locator("[data-testid=adjudication-row][data-agree=false]");
        await Assertions.Expect(disputed).ToHaveAttributeAsync("data-item", "highlights/1");
        await admin.ScreenshotAsync("double-review-adjudication");
        await disputed.Locator($"[data-testid=take][data-reviewer={second}]").CheckAsync();
        await admin.ClickAsync("[data-testid=settle]");
        await Assertions.Expect(admin.Locator("[data-testid=adjudication-done]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("[data-testid=adjudication-state]")).ToContainTextAsync("已定稿");

        // The settled review: items 0 rejected, 1 accepted (the second reviewer's), the rest accepted.
        await admin.GotoAsync($"/reports/{reportId}");
        await admin.WaitInteractiveAsync();
        var counts = admin.Locator("[data-testid=highlight-panel] [data-testid=review-counts]");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-rejected", "1");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-accepted", (count - 1).ToString(CultureInfo.InvariantCulture));

        // κ worked by hand: first = 2 reject + (n−2) accept, second = 1 reject + (n−1) accept, alike on n−1 items.
        var n = (double)count;
        var observed = (n - 1) / n;
        var expected = 2 / n * (1 / n) + (n - 2) / n * ((n - 1) / n);
        var kappa = Math.Round((observed - expected) / (1 - expected), 4);
        await admin.GotoAsync("/reviews/double#agreement");
        await admin.WaitInteractiveAsync();
        var highlights = admin.Locator($"[data-testid=agreement-pair][data-a={first}] [data-testid=agreement-row][data-name=highlights]");
        await Assertions.Expect(highlights).ToHaveAttributeAsync("data-kappa", kappa.ToString(CultureInfo.InvariantCulture));
        await admin.ScreenshotAsync("double-review-agreement");
    }

    /// <summary>Signs in as <paramref name="reviewer"/>, checks nothing of the other reviewer shows, rejects the first items, accepts the rest, finishes.</summary>
    private async Task<int> ReviewAsync(int reportId, string reviewer, int rejected, string? screenshot)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(reviewer, Password);
        await page.GotoAsync($"/reports/{reportId}");
        await page.WaitInteractiveAsync();
        var counts = page.Locator("[data-testid=highlight-panel] [data-testid=review-counts]");
        var count = await page.Locator("[data-testid=highlight-item]").CountAsync();
        Assert.True(count >= 3, $"the rules engine found {count} highlights");
        // Blind: whatever the other reviewer decided, this reviewer starts with everything pending.
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-pending", count.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("j");
        for (var i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync(i < rejected ? "r" : "a");
        }

        await Assertions.Expect(counts).ToHaveAttributeAsync("data-pending", "0");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-rejected", rejected.ToString(CultureInfo.InvariantCulture));
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(screenshot);
        }

        await page.ClickAsync("[data-testid=finish-review]");
        await Assertions.Expect(page.Locator("[data-testid=finish-review]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        return count;
    }

    private async Task<(int ReportId, long AnnotationId)> AnalysedReportAsync(string first, string second)
    {
        using var admin = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Admin, Accounts.AdminPassword);
        foreach (var name in new[] { first, second })
        {
            (await admin.PostAsJsonAsync("/api/v1/users", new { username = name, password = Password, role = "radiologist" })).EnsureSuccessStatusCode();
        }

        using var client = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Radiologist, Accounts.RadiologistPassword);
        return await ApiReports.HighlightedByRulesAsync(client, Text, "E2E-DOUBLE-" + Guid.NewGuid().ToString("N")[..6]);
    }
}
