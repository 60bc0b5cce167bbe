using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using ReportLens.E2E.Tests.Infrastructure;
using ReportLens.Testing;

namespace ReportLens.E2E.Tests.Browser;

/// <summary>Issue 14, items 6–7: an admin uploads a gold set, evaluates the rules engine and reads table, chart and calibration.</summary>
public sealed class EvaluationPageTests(UiFixture app)
{
    private static string GoldLines(int count) =>
        string.Join('\n', File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "data", "corpus", "gold.jsonl")).Where(l => l.Length > 0).Take(count)) + "\n";

    /// <summary>Starts an evaluation from the page, waits for its new row to finish and opens its results.</summary>
    private static async Task<(ILocator Row, ILocator Results)> RunToTheEndAsync(IPage page)
    {
        var earlier = await page.Locator("[data-testid=evaluation-run]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runId)");
        await page.ClickAsync("[data-testid=start-evaluation]");
        var created = page.Locator("[data-testid=evaluation-run]" + string.Concat(earlier.Select(id => $":not([data-run-id='{id}'])"))).First;
        await created.WaitForAsync();
        var runId = await created.GetAttributeAsync("data-run-id");
        var row = page.Locator($"[data-testid=evaluation-run][data-run-id='{runId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-done", "true", new() { Timeout = 90_000 });
        await row.Locator("[data-testid=show-evaluation]").ClickAsync();
        return (row, page.Locator($"[data-testid=evaluation-results][data-run-id='{runId}']"));
    }

    [Fact]
    public async Task Admin_UploadsGoldSet_EvaluatesRules_SeesTableChartAndCalibration()
    {
        var page = await app.NewPageAsync(1280, 1000);
        await page.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
        await page.GotoAsync("/evaluation");
        await page.WaitInteractiveAsync();

        var name = $"gold-{Guid.NewGuid():N}"[..13];
        await page.FillAsync("[data-testid=gold-name]", name);
        await page.SetInputFilesAsync("[data-testid=gold-file]", new FilePayload
        {
            Name = "gold.jsonl",
            MimeType = "application/jsonl",
            Buffer = Encoding.UTF8.GetBytes(GoldLines(10)),
        });
        await Assertions.Expect(page.Locator("[data-testid=gold-message]")).ToContainTextAsync("10");
        await Assertions.Expect(page.Locator("[data-testid=eval-gold] option:checked")).ToContainTextAsync(name);

        var (row, results) = await RunToTheEndAsync(page);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "completed");
        await results.WaitForAsync();
        var urgency = results.Locator("[data-testid=comparison-table] tr[data-metric='classification: 紧急程度'] td");
        await Assertions.Expect(urgency).ToContainTextAsync("[");
        Assert.InRange(double.Parse(await urgency.GetAttributeAsync("data-value") ?? "-1", System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        Assert.True(await results.Locator("[data-testid=per-class-table] tbody tr").CountAsync() > 3);
        Assert.True(await results.Locator("[data-testid=evaluation-chart] rect[data-label=rules]").CountAsync() >= 5);
        var calibration = results.Locator("[data-testid=calibration][data-label=rules]");
        await Assertions.Expect(calibration.Locator("[data-testid=reliability-table] tbody tr").First).ToBeVisibleAsync();
        Assert.InRange(double.Parse(await calibration.GetAttributeAsync("data-ece") ?? "-1", System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        await page.ScreenshotAsync("evaluation");
    }

    /// <summary>
    /// Item 6's prompt versions: with an example set stored, the page offers zero-shot and few-shot; both picked, the
    /// llm run has a column per version and names each column's version. (What each version sends the model is
    /// checked on the wire by the server's EvaluationPromptVersionTests; the set here is extraction/en, which no other
    /// browser test analyses and these zh gold reports do not use.)
    /// </summary>
    [Fact]
    public async Task Admin_PicksZeroAndFewShotPromptVersions_LlmRunHasAColumnPerVersion()
    {
        const string examples = "/api/v1/prompts/extraction/en/examples";
        using var api = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Admin, Accounts.AdminPassword);
        var example = new { id = "e2e-pv-1", text = "Findings: a 6 mm nodule in the right upper lobe.", language = "en", modality = "CT", body_part = "chest", urgency = "异常轻微", findings = new[] { new { text = "nodule", abnormal = true } } };
        (await api.PutAsJsonAsync(examples, new { examples = new[] { example } })).EnsureSuccessStatusCode();
        try
        {
            var page = await app.NewPageAsync(1280, 1000);
            await page.SignInAsync(Accounts.Admin, Accounts.AdminPassword);
            await page.GotoAsync("/evaluation");
            await page.WaitInteractiveAsync();
            await page.SetInputFilesAsync("[data-testid=gold-file]", new FilePayload
            {
                Name = $"pv-{Guid.NewGuid():N}.jsonl"[..12],
                MimeType = "application/jsonl",
                Buffer = Encoding.UTF8.GetBytes(GoldLines(3)),
            });
            await Assertions.Expect(page.Locator("[data-testid=gold-message]")).ToContainTextAsync("3");

            var zero = page.Locator("[data-testid=eval-prompt][data-name=zero-shot]");
            var few = page.Locator("[data-testid=eval-prompt][data-name=few-shot]");
            await Assertions.Expect(few).ToBeCheckedAsync();
            await zero.CheckAsync();
            await page.Locator("[data-testid=eval-engine-rules]").UncheckAsync();
            await page.Locator("[data-testid=eval-engine-llm]").CheckAsync();
            await page.FillAsync("[data-testid=eval-models]", "qwen2.5:7b");
            var versions = new[] { await zero.GetAttributeAsync("data-version"), await few.GetAttributeAsync("data-version") };

            var (_, results) = await RunToTheEndAsync(page);

            await Assertions.Expect(results.Locator("[data-testid=comparison-table] thead th:not(:first-child)")).ToHaveTextAsync(["llm · qwen2.5:7b", "llm · qwen2.5:7b · few-shot"]);
            var shown = await results.Locator("[data-testid=prompt-versions] [data-version]").EvaluateAllAsync<string[]>("spans => spans.map(s => s.dataset.version)");
            Assert.Equal(versions, shown);
            Assert.StartsWith(versions[0] + "+fs.", versions[1], StringComparison.Ordinal);
            await page.ScreenshotAsync("evaluation-prompt-versions");
        }
        finally
        {
            await api.DeleteAsync(examples);
        }
    }

    [Fact]
    public async Task Radiologist_CannotOpenTheEvaluationPage()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(Accounts.Radiologist, Accounts.RadiologistPassword);
        await page.GotoAsync("/evaluation");

        Assert.Equal(0, await page.Locator("[data-testid=gold-upload]").CountAsync());
    }
}
