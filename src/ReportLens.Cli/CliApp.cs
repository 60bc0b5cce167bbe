using System.CommandLine;
using ReportLens.Cli.Commands;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli;

/// <summary>The `reportlens` command tree. Parse errors are usage errors (exit 2), reported before anything runs.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("ReportLens: analyse radiology reports with a local LLM or the built-in rules engine");
        globals.AddTo(root);
        root.Subcommands.Add(AnalyzeCommand.Create(globals));
        root.Subcommands.Add(ImportCommand.Create(globals));
        root.Subcommands.Add(ExportCommand.Create(globals));
        root.Subcommands.Add(UsersCommand.Create(globals));
        root.Subcommands.Add(DbCommand.Create(globals));
        root.Subcommands.Add(ModelsCommand.Create(globals));
        root.Subcommands.Add(EvalCommand.Create(globals));
        root.Subcommands.Add(GoldCommand.Create(globals));
        root.Subcommands.Add(PromptsCommand.Create(globals));
        root.Subcommands.Add(LoadTestCommand.Create(globals));
        root.Subcommands.Add(LoginCommand.Create(globals));
        root.Subcommands.Add(DeidCommand.Create(globals));
        root.Subcommands.Add(Hl7Command.Create(globals));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {TerminalText.Safe(error.Message)}");
            }

            await Console.Error.WriteLineAsync("Run 'reportlens --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync();
    }
}
