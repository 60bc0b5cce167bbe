using System.CommandLine;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Commands;

public static class ModelsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("models", "todo");
        _ = globals;
        return command;
    }
}
