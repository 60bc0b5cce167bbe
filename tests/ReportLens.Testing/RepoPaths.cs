namespace ReportLens.Testing;

/// <summary>Paths in the repository, found from the test assembly's bin folder (tests/X/bin/Config/net10.0/).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests run under (Debug or Release): the server, CLI and emulator are built alike.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ServerDll => Path.Combine(Root, "src", "ReportLens.Server", "bin", Configuration, "net10.0", "ReportLens.Server.dll");

    public static string CliDll => Path.Combine(Root, "src", "ReportLens.Cli", "bin", Configuration, "net10.0", "reportlens.dll");

    public static string EmulatorDll => Path.Combine(Root, "tools", "ReportLens.OllamaEmulator", "bin", Configuration, "net10.0", "ReportLens.OllamaEmulator.dll");

    /// <summary>A file or folder of the repository, by its path relative to the root.</summary>
    public static string Of(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ReportLens.sln not found above " + AppContext.BaseDirectory);
    }
}
