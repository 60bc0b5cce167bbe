using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Users;
using ReportLens.Cli.Infrastructure;
using ReportLens.Data.Entities;
using Spectre.Console;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens users add|list|set-role|reset-password`, hashing as the server does (Identity's PasswordHasher).</summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions globals) =>
        new("users", "Manage user accounts in the database") { Add(globals), List(globals), SetRole(globals), ResetPassword(globals) };

    private static Command Add(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var role = new Option<string>("--role") { Description = string.Join("|", Roles.All), Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var password = new Option<string?>("--password") { Description = "Password (default: read a line from stdin)" };
        var command = new Command("add", "Create a user") { username, role, password };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var request = new NewUser(context.Get(username), await PasswordAsync(context, context.Get(password)), context.Get(role));
            await using var useCases = RecordUseCases.Open(context);
            var creation = await useCases.CreateUser.RunAsync(request, Actor.CommandLine(), cancellationToken);
            return creation.Outcome switch
            {
                UserCreationOutcome.Created => await CreatedAsync(context, creation.User!),
                UserCreationOutcome.Invalid => throw CliException.Usage(creation.Message!),
                _ => throw new CliException(creation.Message!),
            };
        });
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List users");
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            await using var db = Databases.Open(context);
            var users = await db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(cancellationToken);
            var table = new Table().AddColumns("id", "username", "role", "active", "created");
            foreach (var user in users)
            {
                table.AddRow(user.Id.ToString(), Markup.Escape(TerminalText.Safe(user.Username)), user.Role, user.IsActive ? "yes" : "no", user.CreatedAt.ToString("yyyy-MM-dd"));
            }

            context.Output.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetRole(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var role = new Argument<string>("role") { Description = string.Join("|", Roles.All) };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var command = new Command("set-role", "Change a user's role") { username, role };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            await using var db = Databases.Open(context);
            var user = await FindAsync(db, context.Get(username), cancellationToken);
            user.Role = context.Get(role);
            AuditEntries.Stage(db, Actor.CommandLine(), AuditActions.UserChange, null, $"user {user.Id}: role {user.Role} (cli)", context.Time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await context.Error.WriteLineAsync($"user '{TerminalText.Safe(user.Username)}' is now {user.Role}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ResetPassword(GlobalOptions globals)
    {
        var username = new Argument<string>("username");
        var password = new Option<string?>("--password") { Description = "New password (default: read a line from stdin)" };
        var command = new Command("reset-password", "Set a new password") { username, password };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var secret = await PasswordAsync(context, context.Get(password));
            await using var db = Databases.Open(context);
            var user = await FindAsync(db, context.Get(username), cancellationToken);
            user.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, secret);
            AuditEntries.Stage(db, Actor.CommandLine(), AuditActions.UserChange, null, $"user {user.Id}: password reset (cli)", context.Time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await context.Error.WriteLineAsync($"password of '{TerminalText.Safe(user.Username)}' reset");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<UserAccount> FindAsync(Data.ReportLensDbContext db, string username, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Username == username, cancellationToken)
            ?? throw new CliException($"no user '{username}'");

    private static async Task<int> CreatedAsync(CliContext context, UserAccount user)
    {
        await context.Error.WriteLineAsync($"created user '{TerminalText.Safe(user.Username)}' ({user.Role})");
        return ExitCodes.Success;
    }

    private static async Task<string> PasswordAsync(CliContext context, string? given)
    {
        var password = given;
        if (password is null)
        {
            if (!Console.IsInputRedirected)
            {
                await context.Error.WriteAsync("password: ");
            }

            password = await Console.In.ReadLineAsync();
        }

        return PasswordRules.Check(password) is { } problem
            ? throw CliException.Usage($"{problem} (pass --password or one line on stdin)")
            : password!;
    }
}
