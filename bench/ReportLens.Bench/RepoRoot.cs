namespace ReportLens.Bench;

internal static class RepoRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportLens.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ReportLens.sln not found above the benchmark's folder");
    }

    /// <summary>A project's built assembly in the configuration the bench was built in (the bench's references build it).</summary>
    public static string BuiltDll(string root, string project, string file)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(root, "src", project, "bin", configuration, "net10.0", file);
    }
}
