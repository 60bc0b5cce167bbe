using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens db migrate|backup|restore`.</summary>
public static class DbCommand
{
    public static Command Create(GlobalOptions globals) =>
        new("db", "Database schema, backup and restore") { Migrate(globals), Backup(globals), Restore(globals) };

    private static Command Migrate(GlobalOptions globals)
    {
        var command = new Command("migrate", "Create or upgrade the schema (EF Core migrations)");
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            await using var db = Databases.Open(context, mayCreate: true);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            await context.Error.WriteLineAsync(pending.Count == 0
                ? "database is up to date"
                : $"applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Backup(GlobalOptions globals)
    {
        var output = new Option<string>("--output", "-o") { Description = "Backup file to write", Required = true };
        var command = new Command("backup", "Back up the database (SQLite online backup; PostgreSQL pg_dump)") { output };
        command.SetHandler(globals, (context, cancellationToken) => DatabaseBackupBridge.BackupAsync(context, context.Get(output), cancellationToken));
        return command;
    }

    private static Command Restore(GlobalOptions globals)
    {
        var file = new Argument<string?>("file") { Description = "Backup file made by `db backup`", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input", "-i") { Description = "The backup file (same as the argument)" };
        var command = new Command("restore", "Restore the database from a backup (replaces its contents)") { file, input };
        command.SetHandler(globals, (context, cancellationToken) =>
        {
            var path = (context.Get(file), context.Get(input)) switch
            {
                ({ } f, null) => f,
                (null, { } i) => i,
                _ => throw CliException.Usage("name the backup file once: `db restore FILE` or `db restore --input FILE`"),
            };
            return DatabaseBackupBridge.RestoreAsync(context, path, cancellationToken);
        });
        return command;
    }
}
