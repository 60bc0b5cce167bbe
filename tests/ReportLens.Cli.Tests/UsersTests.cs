using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Tests;

public sealed class UsersTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task UsersAddListSetRole_HashesLikeTheServerAndChangesRole()
    {
        await _workspace.CreateDatabaseAsync();

        var add = await _workspace.RunAsync("users", "add", "alice", "--role", "radiologist", "--password", "correct-horse-1");
        var addFromStdin = await _workspace.RunWithInputAsync("battery-staple-2\n", "users", "add", "bob", "--role", "viewer");
        var setRole = await _workspace.RunAsync("users", "set-role", "bob", "admin");
        var list = await _workspace.RunAsync("users", "list");

        Assert.True(add.ExitCode + addFromStdin.ExitCode + setRole.ExitCode + list.ExitCode == 0, $"{add}\n{addFromStdin}\n{setRole}\n{list}");
        Assert.Contains("alice", list.Stdout);
        Assert.Contains("radiologist", list.Stdout);
        Assert.Contains("admin", list.Stdout);
        await using var db = _workspace.Open();
        var users = await db.Users.OrderBy(u => u.Username).ToListAsync(TestContext.Current.CancellationToken);
        var hasher = new PasswordHasher<UserAccount>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(users[0], users[0].PasswordHash, "correct-horse-1"));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(users[1], users[1].PasswordHash, "battery-staple-2"));
        Assert.Equal("admin", users[1].Role);
    }

    [Fact]
    public async Task UsersList_NameWithEscapeSequence_IsShownEscapedNotObeyed()
    {
        await _workspace.CreateDatabaseAsync();
        await using (var db = _workspace.Open())
        {
            db.Users.Add(new UserAccount { Username = "mallory\u001b[2J", Role = "viewer", PasswordHash = "x", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var list = await _workspace.RunAsync("users", "list");

        Assert.DoesNotContain("\u001b[2J", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("mallory\\u001b[2J", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_NameDifferingOnlyInCase_IsRefused()
    {
        await _workspace.CreateDatabaseAsync();
        var first = await _workspace.RunAsync("users", "add", "Dave", "--role", "viewer", "--password", "first-password");
        var second = await _workspace.RunAsync("users", "add", "dave", "--role", "viewer", "--password", "first-password");

        Assert.Equal(0, first.ExitCode);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("already exists", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersResetPassword_NewPasswordVerifies()
    {
        await _workspace.CreateDatabaseAsync();
        await _workspace.RunAsync("users", "add", "carol", "--role", "viewer", "--password", "first-password");

        var reset = await _workspace.RunWithInputAsync("second-password\n", "users", "reset-password", "carol");

        Assert.True(reset.ExitCode == 0, reset.ToString());
        await using var db = _workspace.Open();
        var user = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserAccount>().VerifyHashedPassword(user, user.PasswordHash, "second-password"));
    }

    [Fact]
    public async Task UsersAdd_ExistingUser_ExitsOneWithOneLine()
    {
        await _workspace.CreateDatabaseAsync();
        await _workspace.RunAsync("users", "add", "dave", "--role", "viewer", "--password", "long-enough");

        var again = await _workspace.RunAsync("users", "add", "dave", "--role", "viewer", "--password", "long-enough");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: a user named 'dave' already exists (names are compared ignoring case)", again.Stderr.Trim());
    }

    [Fact]
    public async Task UsersAdd_BreakingTheServersAccountRules_ExitsTwoWithTheServersRule()
    {
        await _workspace.CreateDatabaseAsync();

        var shortPassword = await _workspace.RunAsync("users", "add", "erin", "--role", "viewer", "--password", "short");
        var longName = await _workspace.RunAsync("users", "add", new string('x', 101), "--role", "viewer", "--password", "long-enough");
        var spacedName = await _workspace.RunAsync("users", "add", "  frank  ", "--role", "viewer", "--password", "long-enough");

        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("password must be at least 8 characters", shortPassword.Stderr);
        Assert.Equal(2, longName.ExitCode);
        Assert.Contains("username is required (at most 100 printable characters)", longName.Stderr);
        // Stored trimmed, as the server stores it, so either door finds the same account.
        Assert.True(spacedName.ExitCode == 0, spacedName.ToString());
        Assert.Contains("frank", (await _workspace.RunAsync("users", "list")).Stdout);
    }
}
