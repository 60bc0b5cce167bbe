using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Ui;

namespace ReportLens.Server.Tests.Users;

/// <summary>
/// "Create a user" has one home: the API, the web UI's System page and `reportlens users add`, given the same
/// padded names, store the same rows and audit records, and refuse the same duplicate with the same message.
/// </summary>
public abstract class CreateUserDoorsTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    private const string Password = "long-enough-1";

    [Fact]
    public async Task ApiUiAndCli_PaddedNames_StoreTheSameRowsAndRefuseTheSameDuplicate()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var tag = Guid.NewGuid().ToString("N")[..8];
        // 100 characters once trimmed: the UI used to check the length before trimming and refused it.
        string Name(string door) => (door + tag).PadRight(Usernames.MaxLength, 'x');
        using var client = await App.AdminAsync();
        var admin = await UiPrincipal.OfAsync(App, TestServerSettings.AdminUser);
        var users = App.Services.GetRequiredService<UiUsers>();

        var api = await client.PostAsJsonAsync("/api/v1/users", new { username = $"  {Name("api")} ", password = Password, role = "viewer" }, ct);
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.Null(await users.CreateAsync($" {Name("ui")}  ", Password, "viewer", admin, ct));
        var cli = await Cli(ct, "users", "add", $" {Name("cli")} ", "--role", "viewer", "--password", Password);
        Assert.True(cli.ExitCode == 0, cli.ToString());

        var names = new[] { Name("api"), Name("ui"), Name("cli") };
        await using (var db = TestDb.Open(App))
        {
            var stored = await db.Users.AsNoTracking().Where(u => names.Contains(u.Username)).ToListAsync(ct);
            Assert.Equal(names.Order(), stored.Select(u => u.Username).Order());
            Assert.Single(stored.Select(u => (u.Role, u.IsActive)).Distinct());
            Assert.All(stored, u => Assert.Equal(u.Username.ToUpperInvariant(), u.NormalizedUsername));
            Assert.All(stored, u => Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<UserAccount>().VerifyHashedPassword(u, u.PasswordHash, Password)));

            var details = names.Select(n => $"created user '{n}' as viewer").ToList();
            var audits = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "user_change" && details.Contains(e.Detail!)).ToListAsync(ct);
            Assert.Equal(details.Order(), audits.Select(e => e.Detail!).Order());
            Assert.Equal(
                [TestServerSettings.AdminUser, TestServerSettings.AdminUser, $"cli:{Environment.UserName}"],
                names.Select(n => audits.Single(e => e.Detail!.Contains(n, StringComparison.Ordinal)).Username));
        }

        // Each door refuses another door's user under another case, with one message.
        var taken = Name("cli").ToUpperInvariant();
        var expected = $"a user named '{taken}' already exists (names are compared ignoring case)";
        var apiDuplicate = await client.PostAsJsonAsync("/api/v1/users", new { username = taken, password = Password, role = "viewer" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, apiDuplicate.StatusCode);
        Assert.Equal(expected, (await apiDuplicate.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString());
        Assert.Equal(expected, await users.CreateAsync(taken, Password, "viewer", admin, ct));
        var cliDuplicate = await Cli(ct, "users", "add", taken, "--role", "viewer", "--password", Password);
        Assert.Equal((1, $"error: {expected}"), (cliDuplicate.ExitCode, cliDuplicate.Stderr.Trim()));
    }

    /// <summary>The first admin, made when the server starts on an empty database, comes from the same use case.</summary>
    [Fact]
    public async Task FirstStart_Admin_IsCreatedAndAuditedLikeEveryUser()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var db = TestDb.Open(App);

        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Username == TestServerSettings.AdminUser, ct);
        var audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == "user_change" && e.Detail == $"created user '{TestServerSettings.AdminUser}' as admin", ct);

        Assert.Equal(("admin", admin.Username.ToUpperInvariant()), (admin.Role, admin.NormalizedUsername));
        Assert.Equal(("system:first-start", "system", "local"), (audit.Username, audit.Role, audit.ClientAddress));
    }

    private Task<CliResult> Cli(CancellationToken ct, params string[] args) =>
        CliProcess.RunAsync(AppContext.BaseDirectory, [.. args, "--database", App.Database.Url], null, null, ct);
}

public sealed class CreateUserDoorsSqliteTests(SqliteAppFixture app) : CreateUserDoorsTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class CreateUserDoorsPostgresTests(PostgresAppFixture app) : CreateUserDoorsTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
