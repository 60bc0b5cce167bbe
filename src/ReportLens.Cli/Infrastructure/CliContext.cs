using System.CommandLine;
using ReportLens.Application.Configuration;
using ReportLens.Data;
using Spectre.Console;

namespace ReportLens.Cli.Infrastructure;

/// <summary>What a command needs from the invocation: settings resolved from options and environment, and the streams.</summary>
public sealed class CliContext(ParseResult parseResult, GlobalOptions globals)
{
    private OllamaSettings? _ollama;
    private IAnsiConsole? _output;

    public bool Verbose { get; } = parseResult.GetValue(globals.Verbose);
    public string? ServerUrl { get; } = parseResult.GetValue(globals.Server) ?? Environment.GetEnvironmentVariable("REPORTLENS_SERVER");
    public string? Token { get; } = parseResult.GetValue(globals.Token) ?? Environment.GetEnvironmentVariable("REPORTLENS_TOKEN");
    public TextWriter Out { get; } = Console.Out;
    public TextWriter Error { get; } = Console.Error;
    public TimeProvider Time { get; } = TimeProvider.System;

    /// <summary>Progress bars and tables for humans go to stderr, so stdout stays clean for data.</summary>
    public IAnsiConsole Status { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Tables that are the command's answer (`users list`, `eval`, ...) go to stdout.</summary>
    public IAnsiConsole Output => _output ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    /// <summary>Ollama's URL, model and other settings, resolved on first use (so a bad setting is reported like any error).</summary>
    public OllamaSettings Ollama => _ollama ??= OllamaSettings.Resolve(parseResult.GetValue(globals.Ollama));

    public bool UseServer => !string.IsNullOrWhiteSpace(ServerUrl);

    /// <summary>DATABASE_URL (or --database) through the server's path (<see cref="EnvironmentNames.Database"/>).</summary>
    public DatabaseSettings Database
    {
        get
        {
            var option = parseResult.GetValue(globals.Database);
            if (option is null)
            {
                return EnvironmentNames.Database(EnvironmentNames.FromEnvironment());
            }

            try
            {
                return DatabaseSettings.Parse(option);
            }
            catch (FormatException ex)
            {
                throw CliException.Usage(ex.Message.Replace("DATABASE_URL", "--database", StringComparison.Ordinal));
            }
        }
    }

    public T Get<T>(Option<T> option) => parseResult.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parseResult.GetValue(argument)!;
}
