using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReportLens.Data;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>
/// Issue 12 item 9: names that differ only in case are one name, held by a unique index, so concurrent creations
/// cannot both win; the upgrade keeps users created before the index.
/// </summary>
public abstract class UsernameKeyTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task CreateUser_SameNameInOtherCasesAtOnce_OneCreatedOthers409()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var name = "race" + Guid.NewGuid().ToString("N")[..6];
        var spellings = new[] { name, name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..], name, $" {name} ", name.ToUpperInvariant() };

        var responses = await Task.WhenAll(spellings.Select(n =>
            admin.PostAsJsonAsync("/api/v1/users", new { username = n, password = "password-123", role = "viewer" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        }
    }
}

public sealed class UsernameKeySqliteTests(SqliteAppFixture app) : UsernameKeyTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class UsernameKeyPostgresTests(PostgresAppFixture app) : UsernameKeyTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;

public sealed class UsernameKeyMigrationTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Upgrade_UsersThatDifferOnlyInCase_KeepTheirNamesAndGetDistinctKeys(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DbContextOptionsBuilder<ReportLensDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseSettings.Parse(database.Url));
        await using var db = new ReportLensDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_UsernameKey", StringComparison.Ordinal)) - 1]);
        foreach (var name in new[] { "Admin", "bob", "admin", " ADMIN" })
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO users ("Username", "PasswordHash", "Role", "IsActive", "CreatedAt") VALUES ({name}, 'x', 'viewer', TRUE, {DateTimeOffset.UnixEpoch})""");
        }

        await migrator.MigrateAsync();

        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Username, u.NormalizedUsername }).ToListAsync();
        Assert.Equal(["Admin", "bob", "admin", " ADMIN"], users.Select(u => u.Username));
        Assert.Equal(["ADMIN", "BOB", $"ADMIN#{users[2].Id}", $"ADMIN#{users[3].Id}"], users.Select(u => u.NormalizedUsername));
        Assert.True(await db.Users.AnyAsync(ReportLens.Data.Entities.Usernames.SameAs("bOB")));
    }
}
