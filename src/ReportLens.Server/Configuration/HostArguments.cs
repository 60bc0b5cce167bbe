namespace ReportLens.Server.Configuration;

/// <summary>The command line the host is built from.</summary>
internal static class HostArguments
{
    private const string ReloadSwitch = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// <paramref name="args"/> with appsettings reloading off, unless the operator set it (environment or command
    /// line, as the host reads it). The host's default watches the working directory for changed appsettings files,
    /// and that directory usually holds the SQLite database: the watcher woke on every write of its WAL, about 1 ms
    /// of CPU per recorded analysis. Settings are validated once at start-up and never re-read, so a change takes a
    /// restart either way. The switch goes first, so a last argument without a value cannot take it as its value.
    /// </summary>
    public static string[] Of(string[] args)
    {
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("DOTNET_")
            .AddCommandLine(args)
            .Build()[ReloadSwitch];
        return given is null ? [$"--{ReloadSwitch}=false", .. args] : args;
    }
}
