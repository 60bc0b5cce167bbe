namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>Paths in the repository, found from the test assembly's bin folder (tests/X/bin/Config/net10.0/).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ServerDll => Path.Combine(Root, "src", "ReportLens.Server", "bin", Configuration, "net10.0", "ReportLens.Server.dll");

    public static string EmulatorDll => Path.Combine(Root, "tools", "ReportLens.OllamaEmulator", "bin", Configuration, "net10.0", "ReportLens.OllamaEmulator.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportLens.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ReportLens.sln not found above the test folder");
    }
}
