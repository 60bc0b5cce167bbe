using System.CommandLine;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Commands;

public static class EvalCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("eval", "todo");
        _ = globals;
        return command;
    }
}
