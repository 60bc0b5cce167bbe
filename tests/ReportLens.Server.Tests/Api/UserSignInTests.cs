using Microsoft.AspNetCore.Identity;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

/// <summary>The one credentials check behind the API's login and the web UI's sign-in.</summary>
public sealed class UserSignInTests : IAsyncLifetime
{
    private const string Password = "right-password-1";

    private readonly TestDatabase _database = TestDatabase.CreateSqlite();
    private readonly CountingPasswordHasher _hasher = new();
    private ReportLensDbContext _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await (await _database.MigratedFactoryAsync()).CreateDbContextAsync();
        await AddUserAsync("alice", isActive: true);
        await AddUserAsync("bob", isActive: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("nobody", Password)]
    [InlineData("alice", "wrong-password-1")]
    [InlineData("bob", Password)]
    [InlineData("alice", "")]
    [InlineData("", Password)]
    public async Task VerifyAsync_RejectedCredentials_CostOneHashLikeAccepted(string username, string password)
    {
        var user = await new UserSignIn(_db, _hasher).VerifyAsync(username, password, TestContext.Current.CancellationToken);

        Assert.Null(user);
        Assert.Equal(1, _hasher.Verifications);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("  alice ")]
    [InlineData("alice\t")]
    public async Task VerifyAsync_RightPassword_ReturnsTheUserAfterOneHash(string username)
    {
        var user = await new UserSignIn(_db, _hasher).VerifyAsync(username, Password, TestContext.Current.CancellationToken);

        Assert.Equal("alice", user?.Username);
        Assert.Equal(1, _hasher.Verifications);
    }

    [Fact]
    public void DummyHash_HasTheCostOfAFreshHash()
    {
        var fresh = new PasswordHasher<UserAccount>().HashPassword(new UserAccount { Username = "", Role = "", PasswordHash = "" }, Password);

        // V3 header: format marker, PRF, iteration count and salt length; the rest is salt and subkey.
        Assert.Equal(Convert.FromBase64String(fresh)[..13], Convert.FromBase64String(UserSignIn.DummyHash)[..13]);
    }

    private async Task AddUserAsync(string username, bool isActive)
    {
        var user = new UserAccount { Username = username, Role = Roles.Viewer, PasswordHash = "", IsActive = isActive };
        user.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, Password);
        _db.Users.Add(user);
        await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
        _db.ChangeTracker.Clear();
    }
}
