using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>
/// Issue 16, the UI's door: the report view's de-identified toggle, and VIEWERS_SEE_DEIDENTIFIED — identifiers gone,
/// every highlight still over its words in the text shown, and a viewer never sent the original.
/// </summary>
public sealed class DeidentifiedViewTests(UiFixture ui, DeidentifiedViewersFixture viewers) : IClassFixture<DeidentifiedViewersFixture>
{
    private const string Text =
        "姓名：欧阳建国  性别：男  身份证号：110105198003071234  手机号：13912345678\n" +
        "检查所见：右肺上叶见一结节，大小约8mm×6mm，边缘毛糙。左侧胸腔少量积液。\n诊断意见：右肺上叶结节；左侧胸腔积液。";

    private static readonly string[] Identifiers = ["欧阳建国", "110105198003071234", "13912345678"];

    [Fact]
    public async Task Toggle_ShowsTheReportDeidentified_HighlightsStayOnTheirWords()
    {
        var id = await AnalysedReportAsync(ui.BaseAddress);
        var page = await ui.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await page.GotoAsync($"/reports/{id}");
        await page.WaitInteractiveAsync();
        var text = page.Locator("[data-testid=report-text]");
        await Assertions.Expect(text).ToContainTextAsync("欧阳建国");
        Assert.True(await page.Locator("[data-testid=accept]").CountAsync() > 0);
        var before = await MarksAsync(page);

        await page.Locator("[data-testid=deidentify-toggle]").CheckAsync();

        await Assertions.Expect(text).ToContainTextAsync("姓名：[姓名1]");
        var shown = (await text.TextContentAsync())!;
        Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, shown, StringComparison.Ordinal));
        var after = await MarksAsync(page);
        Assert.Equal(before.Count, after.Count);
        Assert.All(after, mark => Assert.Equal(shown[mark.Start..mark.End], mark.Text));
        // The same words, at other offsets: the identifiers before them changed length.
        Assert.Equal(before.Select(m => m.Text), after.Select(m => m.Text));
        Assert.Contains(after, m => m.Text.Contains("结节", StringComparison.Ordinal) && before.All(b => b.Start != m.Start));
        Assert.Equal(0, await page.Locator("[data-testid=accept]").CountAsync());
        await page.ScreenshotAsync("report-deidentified");

        await page.Locator("[data-testid=deidentify-toggle]").UncheckAsync();
        await Assertions.Expect(text).ToContainTextAsync("欧阳建国");
    }

    [Fact]
    public async Task Viewer_UnderViewersSeeDeidentified_NeverSeesTheOriginal()
    {
        var id = await AnalysedReportAsync(viewers.BaseAddress);
        await using var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = viewers.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);

        await Assertions.Expect(page.Locator("[data-testid=page]")).ToContainTextAsync("姓名：[姓名1]");
        var list = await page.ContentAsync();
        await page.GotoAsync($"/reports/{id}");
        await page.WaitInteractiveAsync();
        var text = page.Locator("[data-testid=report-text]");
        await Assertions.Expect(text).ToContainTextAsync("姓名：[姓名1]");
        await Assertions.Expect(page.Locator("[data-testid=deidentified-only]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=deidentify-toggle]").CountAsync());
        var shown = (await text.TextContentAsync())!;
        var marks = await MarksAsync(page);
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Equal(shown[mark.Start..mark.End], mark.Text));
        // The API, asked with the same session cookie for the original, does not give it either.
        var api = await (await page.Context.APIRequest.GetAsync($"/api/v1/reports/{id}?deidentify=false")).TextAsync();
        Assert.Contains("[姓名1]", api, StringComparison.Ordinal);
        foreach (var html in new[] { list, await page.ContentAsync(), api })
        {
            Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, html, StringComparison.Ordinal));
        }
    }

    private static async Task<List<(int Start, int End, string Text)>> MarksAsync(IPage page)
    {
        var marks = page.Locator("[data-testid=report-text] mark[data-start]");
        await Assertions.Expect(marks.First).ToBeVisibleAsync();
        var result = new List<(int, int, string)>();
        foreach (var mark in await marks.AllAsync())
        {
            result.Add((int.Parse((await mark.GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse((await mark.GetAttributeAsync("data-end"))!, System.Globalization.CultureInfo.InvariantCulture),
                (await mark.TextContentAsync())!));
        }

        return result;
    }

    private static async Task<int> AnalysedReportAsync(Uri server)
    {
        using var client = await ApiLogin.SignedInClientAsync(server, Accounts.Admin, Accounts.AdminPassword);
        return (await ApiReports.HighlightedByRulesAsync(client, Text + "\n" + Guid.NewGuid().ToString("N")[..6])).ReportId;
    }
}
