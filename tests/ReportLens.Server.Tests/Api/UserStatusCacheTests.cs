using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ReportLens.Server.Auth;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.Api;

public sealed class UserStatusCacheTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Get_ReadsActiveAndRole_WithoutTrackingTheUserRow()
    {
        await using var db = TestDb.Open(App);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Username == TestServerSettings.AdminUser, TestContext.Current.CancellationToken);
        using var memory = new MemoryCache(new MemoryCacheOptions());

        var status = await new UserStatusCache(memory).GetAsync(admin.Id, db, TestContext.Current.CancellationToken);

        Assert.Equal(new UserStatus(true, Roles.Admin), status);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Get_UnknownUser_IsNull()
    {
        await using var db = TestDb.Open(App);
        using var memory = new MemoryCache(new MemoryCacheOptions());

        Assert.Null(await new UserStatusCache(memory).GetAsync(int.MaxValue, db, TestContext.Current.CancellationToken));
    }
}
