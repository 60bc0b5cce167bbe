using System.CommandLine;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Commands;

public static class AnalyzeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("analyze", "todo");
        _ = globals;
        return command;
    }
}
