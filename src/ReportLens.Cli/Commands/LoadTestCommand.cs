using System.CommandLine;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Commands;

public static class LoadTestCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("loadtest", "todo");
        _ = globals;
        return command;
    }
}
