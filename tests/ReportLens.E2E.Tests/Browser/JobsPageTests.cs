using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Browser;

public sealed class JobsPageTests(UiFixture app)
{
    [Fact]
    public async Task Radiologist_StartsBatchJobFromSelection_WatchesItReach100Percent()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);

        var boxes = page.Locator("[data-testid=select-report]");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await boxes.Nth(2).CheckAsync();
        await page.ClickAsync("[data-testid=batch-selected]");
        await page.WaitForURLAsync("**/jobs?ids=*");
        await page.WaitInteractiveAsync();
        Assert.Equal(3, (await page.InputValueAsync("[data-testid=job-ids]")).Split(',').Length);

        await page.SelectOptionAsync("[data-testid=job-type]", "classification");
        // Other tests' jobs share the list and may move to the top: follow this job by its id.
        var earlier = await page.Locator("[data-testid=job-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.jobId)");
        await page.ClickAsync("[data-testid=start-job]");

        var created = page.Locator("[data-testid=job-row]" + string.Concat(earlier.Select(id => $":not([data-job-id='{id}'])"))).First;
        await created.WaitForAsync();
        var row = page.Locator($"[data-testid=job-row][data-job-id='{await created.GetAttributeAsync("data-job-id")}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-percent", "100", new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "completed");
        Assert.Contains("100%", await row.Locator("[data-testid=job-percent]").InnerTextAsync());
        await page.ScreenshotAsync("jobs");
    }

    [Fact]
    public async Task Radiologist_JobFromFilter_ValidatesAndStarts()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await page.GotoAsync("/jobs");
        await page.WaitInteractiveAsync();

        await page.FillAsync("[data-testid=job-ids]", "1, x");
        await page.ClickAsync("[data-testid=start-job]");
        await page.Locator("[data-testid=job-error]").WaitForAsync();

        var before = await page.Locator("[data-testid=job-row]").CountAsync();
        await page.CheckAsync("[data-testid=by-filter]");
        await page.SelectOptionAsync("#jf-modality", "MRI");
        await page.ClickAsync("[data-testid=start-job]");
        await Assertions.Expect(page.Locator("[data-testid=job-row]")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("[data-testid=job-row]").First).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Viewer_JobsPage_HasNoStartOrCancelControls()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Viewer, Accounts.ViewerPassword);
        await page.GotoAsync("/jobs");
        await page.WaitInteractiveAsync();

        Assert.Equal(0, await page.Locator("[data-testid=new-job]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=cancel-job]").CountAsync());
    }
}
