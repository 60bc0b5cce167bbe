namespace ReportLens.Server.Tests.Configuration;

/// <summary>
/// The server does not watch its settings files: the host's watcher covered the working directory, where the SQLite
/// database lives, and woke on every write of it. An operator who wants the watcher back can set it.
/// </summary>
public sealed class SettingsFilesNotWatchedTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("true", 1)]
    public async Task Server_WatchesNoFile_UnlessTheOperatorAsks(string? reloadOnChange, int watchers)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "counts the process's inotify handles in /proc");
        var folder = Directory.CreateTempSubdirectory("rl-watch-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "appsettings.json"), "{}", TestContext.Current.CancellationToken);
            var environment = new Dictionary<string, string?>
            {
                ["SECRET_KEY"] = "a-valid-secret-key-for-configuration-tests-0123",
                ["DATABASE_URL"] = $"Data Source={Path.Combine(folder.FullName, "w.db")}",
                ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
                ["DOTNET_hostBuilder__reloadConfigOnChange"] = reloadOnChange,
            };
            await using var server = ServerProcess.Start(environment, workingDirectory: folder.FullName);
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(watchers, InotifyHandles(server.ProcessId));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static int InotifyHandles(int processId) =>
        new DirectoryInfo($"/proc/{processId}/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target.Contains("inotify", StringComparison.Ordinal));
}
