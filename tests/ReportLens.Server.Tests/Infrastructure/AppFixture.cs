using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Json;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>
/// One running server (real Kestrel on loopback) with its own database, shared by a test class.
/// Subclasses choose the database; tests get signed-in clients per role.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> _tokens = new();
    private ReportLensAppFactory<Program>? _factory;
    private Task? _senior;

    public TestDatabase Database { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public bool Available { get; private set; }

    /// <summary>The running server's services (its endpoint list, for one).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("the server is not running");

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    /// <summary>The Ollama the server talks to; by default nothing listens there (the rules engine answers).</summary>
    protected virtual Task<string> StartOllamaAsync() => Task.FromResult("http://127.0.0.1:9");

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var database = await CreateDatabaseAsync();
        if (database is null)
        {
            return;
        }

        Database = database;
        var settings = TestServerSettings.Defaults(database.Url, await StartOllamaAsync());
        Configure(settings);
        _factory = new ReportLensAppFactory<Program>(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        Available = true;
        await EnsureUserAsync("radiologist1", "radiologist-pass-1", "radiologist");
        await EnsureUserAsync("viewer1", "viewer-password-1", "viewer");
    }

    public void SkipIfUnavailable()
    {
        if (!Available)
        {
            TestDatabase.SkipUnlessPostgres();
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<string> TokenAsync(string username, string password)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public Task<HttpClient> AdminAsync() => ClientAsync(TestServerSettings.AdminUser, TestServerSettings.AdminPassword);

    public Task<HttpClient> RadiologistAsync() => ClientAsync("radiologist1", "radiologist-pass-1");

    public Task<HttpClient> ViewerAsync() => ClientAsync("viewer1", "viewer-password-1");

    /// <summary>A senior radiologist, made on first use (most test classes need none).</summary>
    public async Task<HttpClient> SeniorAsync()
    {
        await (_senior ??= EnsureUserAsync("senior1", "senior-password-1", "senior"));
        return await ClientAsync("senior1", "senior-password-1");
    }

    public async Task<HttpClient> ClientAsync(string username, string password)
    {
        // Password hashing is deliberately slow: one login per user per fixture keeps the suite fast.
        if (!_tokens.TryGetValue((username, password), out var token))
        {
            token = await TokenAsync(username, password);
            _tokens[(username, password)] = token;
        }

        return ApiLogin.Client(BaseAddress, token);
    }

    private async Task EnsureUserAsync(string username, string password, string role)
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username, password, role }, ReportLensJson.Options);
        if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Privacy (issue 7): no report text, user prompt or model reply stored in this server's database may appear in
    /// its log at any level. Test classes call it after every test (<see cref="ApiTest{TFixture}"/>).
    /// </summary>
    public async Task AssertNoPatientTextInLogsAsync()
    {
        if (_factory is null)
        {
            return;
        }

        var leaks = await FindLoggedPatientTextAsync(_factory.Logs);
        Assert.True(leaks.Count == 0, $"patient text found in the server log: {string.Join(" | ", leaks.Take(5))}");
    }

    private async Task<IReadOnlyList<string>> FindLoggedPatientTextAsync(LogCapture logs)
    {
        await using var db = TestDb.Open(this);
        var texts = await db.Reports.Select(r => r.ReportContent).ToListAsync();
        texts.AddRange(await db.Annotations.Where(a => a.RawReply != null).Select(a => a.RawReply!).ToListAsync());
        texts.AddRange(await db.Annotations.Where(a => a.UserPrompt != "").Select(a => a.UserPrompt).ToListAsync());
        return logs.Leaks(texts);
    }
}
