using System.Net.Http.Json;
using Microsoft.Playwright;
using ReportLens.OllamaEmulator;

namespace ReportLens.E2E.Tests.Infrastructure;

/// <summary>
/// The server (SQLite in a temp folder, the Ollama emulator as its LLM) and Debian's Chromium driven by Playwright.
/// No browser is ever downloaded: REPORTLENS_CHROMIUM or /usr/bin/chromium is launched.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reportlens-e2e", Guid.NewGuid().ToString("N"));
    private ReportLensAppFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public EmulatorHost Emulator { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder => RepoPaths.Of(Path.Combine("artifacts", "screenshots"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _factory = new ReportLensAppFactory<Program>(Settings(_folder, Emulator.BaseUrl.ToString().TrimEnd('/')));
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        await CreateUserAsync(Accounts.Radiologist, Accounts.RadiologistPassword, "radiologist");
        await CreateUserAsync(Accounts.Viewer, Accounts.ViewerPassword, "viewer");
        await ClassifyDemoReportsAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REPORTLENS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN",
            ],
        });
    }

    /// <summary>The test server's defaults, with the demo reports seeded (the pages show them).</summary>
    public static Dictionary<string, string?> Settings(string folder, string ollamaUrl)
    {
        var settings = TestServerSettings.Defaults($"Data Source={Path.Combine(folder, "e2e.db")}", ollamaUrl);
        settings["OLLAMA_TIMEOUT"] = "30";
        settings["Demo:SeedDemoReports"] = "true";
        return settings;
    }

    /// <summary>A fresh browser context (its own cookies) at 1280×800 and a page in it.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Urgency badges in the list come from classifications; the rules engine makes them in milliseconds.</summary>
    private async Task ClassifyDemoReportsAsync()
    {
        using var client = await AdminClientAsync();
        for (var id = 1; id <= 8; id++)
        {
            (await client.PostAsJsonAsync("/api/v1/ai/analyze",
                new { report_id = id, user_prompt = "", annotation_type = "classification", engine = "rules" })).EnsureSuccessStatusCode();
        }
    }

    private Task<HttpClient> AdminClientAsync() => ApiLogin.SignedInClientAsync(BaseAddress, Accounts.Admin, Accounts.AdminPassword);

    private async Task CreateUserAsync(string username, string password, string role)
    {
        using var client = await AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/users", new { username, password, role })).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the OS still holds is left for the temp cleaner; the test result does not depend on it.
        }
    }
}
