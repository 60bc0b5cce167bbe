namespace ReportLens.OllamaEmulator;

public static class EmulatorProgram
{
    /// <summary>Runs the emulator until Ctrl+C. Exit code 2 for bad arguments.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await Console.Out.WriteLineAsync(EmulatorArguments.Usage);
            return 0;
        }
        EmulatorOptions options;
        try
        {
            options = EmulatorArguments.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync(EmulatorArguments.Usage);
            return 2;
        }
        await using var host = await EmulatorHost.StartAsync(options);
        await Console.Out.WriteLineAsync(
            $"Ollama emulator listening on {host.BaseUrl} (parallel {options.Parallel}, queue {options.MaxQueue}, " +
            $"prompt {options.PromptTokensPerSecond} tok/s, decode {options.DecodeTokensPerSecond} tok/s). Not a model: never quote its speed or quality as one.");
        // The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown.
        await host.WaitForShutdownAsync();
        return 0;
    }
}
