using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ReportLens.Application.Audit;
using ReportLens.Application.Users;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Tests.Users;

/// <summary>CreateUser on a real database: normalising before checking, the duplicate rule, the audit record.</summary>
public sealed class CreateUserTests
{
    private static readonly Actor Admin = new(1, "admin", Roles.Admin, Door.Api, "127.0.0.1");

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_PaddedNameOfTheMaximumLength_StoresItTrimmedWithItsAuditRecord(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var factory = await database.MigratedFactoryAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var name = new string('a', Usernames.MaxLength);

        var creation = await new CreateUser(factory, new PasswordHasher<UserAccount>(), time)
            .RunAsync(new NewUser($"  {name}\t", "long-enough-1", Roles.Viewer), Admin, TestContext.Current.CancellationToken);

        Assert.Equal(UserCreationOutcome.Created, creation.Outcome);
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var user = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((name, name.ToUpperInvariant(), Roles.Viewer, time.GetUtcNow()), (user.Username, user.NormalizedUsername, user.Role, user.CreatedAt));
        var audit = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AuditActions.UserChange, $"created user '{name}' as viewer", "admin", 1, "127.0.0.1"),
            (audit.Action, audit.Detail, audit.Username, audit.UserId, audit.ClientAddress));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_NameTakenInAnotherCase_IsADuplicateAndStoresNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var factory = await database.MigratedFactoryAsync();
        var users = new CreateUser(factory, new PasswordHasher<UserAccount>(), TimeProvider.System);
        await users.RunAsync(new NewUser("Dave", "long-enough-1", Roles.Viewer), Admin, TestContext.Current.CancellationToken);

        var again = await users.RunAsync(new NewUser(" dave ", "long-enough-2", Roles.Admin), Admin, TestContext.Current.CancellationToken);

        Assert.Equal((UserCreationOutcome.Duplicate, "a user named 'dave' already exists (names are compared ignoring case)"), (again.Outcome, again.Message));
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("   ", "long-enough-1", "viewer", "username")]
    [InlineData("eve\u001b[2J", "long-enough-1", "viewer", "username")]
    [InlineData("eve", "short", "viewer", "password")]
    [InlineData("eve", "long-enough-1", "superuser", "role")]
    [InlineData("eve", "long-enough-1", null, "role")]
    public void Check_OneBadField_NamesThatField(string? username, string? password, string? role, string field)
    {
        var errors = CreateUser.Check(new NewUser(username, password, role));

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Check_NameOneOverTheMaximumOnceTrimmed_IsRefused() =>
        Assert.Equal(["username"], CreateUser.Check(new NewUser($" {new string('a', Usernames.MaxLength + 1)} ", "long-enough-1", Roles.Viewer)).Keys);
}
