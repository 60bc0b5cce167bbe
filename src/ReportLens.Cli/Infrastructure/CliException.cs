namespace ReportLens.Cli.Infrastructure;

/// <summary>An expected failure: its message is the one line the user sees on stderr.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
