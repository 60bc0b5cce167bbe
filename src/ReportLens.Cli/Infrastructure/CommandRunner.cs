using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using ReportLens.Application.Configuration;
using ReportLens.Llm.Errors;

namespace ReportLens.Cli.Infrastructure;

/// <summary>Binds a command to its handler and turns every failure into one line on stderr and an exit code.</summary>
public static class CommandRunner
{
    public static void SetHandler(this Command command, GlobalOptions globals, Func<CliContext, CancellationToken, Task<int>> handler) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(new CliContext(parseResult, globals), handler, cancellationToken));

    private static async Task<int> RunAsync(CliContext context, Func<CliContext, CancellationToken, Task<int>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler(context, cancellationToken);
        }
        catch (Exception ex) when (ConfigurationFailure.Describe(ex) is { } line)
        {
            // Word for word the line the server prints when it refuses to start with the same setting.
            await context.Error.WriteLineAsync(TerminalText.Safe(line));
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (Describe(ex) is { } failure)
        {
            await context.Error.WriteLineAsync($"error: {TerminalText.Safe(failure.Message)}");
            if (context.Verbose)
            {
                await context.Error.WriteLineAsync(ex.ToString());
            }

            return failure.ExitCode;
        }
    }

    private static CliException? Describe(Exception ex) => ex switch
    {
        CliException cli => cli,
        OperationCanceledException => new CliException("cancelled"),
        LlmException llm => new CliException(ErrorText.Of(llm)),
        FileNotFoundException notFound => new CliException($"file not found: {notFound.FileName ?? notFound.Message}"),
        DirectoryNotFoundException => new CliException($"folder not found ({ex.Message})"),
        UnauthorizedAccessException => new CliException($"permission denied ({ex.Message})"),
        HttpRequestException http => new CliException($"server unreachable: {http.Message}"),
        DbException db when IsMissingSchema(db) =>
            new CliException("the database has no ReportLens schema yet: run `reportlens db migrate` first"),
        DbException db => new CliException($"database error: {db.Message}"),
        Microsoft.EntityFrameworkCore.DbUpdateException update when ReportLens.Data.UniqueViolation.Is(update) =>
            new CliException("a record with the same unique value (username, accession number) was stored meanwhile"),
        Microsoft.EntityFrameworkCore.DbUpdateException update => new CliException($"database error: {update.InnerException?.Message ?? update.Message}"),
        JsonException json => new CliException($"bad JSON: {json.Message}"),
        IOException io => new CliException(io.Message),
        FormatException format => new CliException(format.Message),
        _ => new CliException($"{ex.GetType().Name}: {ex.Message} (run with --verbose for details)"),
    };

    private static bool IsMissingSchema(DbException ex) =>
        ex.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase) || ex.SqlState == "42P01";
}
