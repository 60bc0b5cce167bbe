using System.Text.RegularExpressions;
using ReportLens.Testing;

namespace ReportLens.Server.Tests.Architecture;

/// <summary>
/// No two projects declare a type of the same name, test projects included (a reader who meets one name should find
/// one type, and a test filter by class name runs one class). Partial declarations of one type within one project
/// count once.
/// </summary>
public sealed partial class TypeNameTests
{
    private static readonly string[] Roots = ["src", "tools", "bench", "tests"];

    [Fact]
    public void TopLevelTypes_AreNamedOnceAcrossProjects()
    {
        var declarations = Roots
            .SelectMany(root => SourceFiles(Path.Combine(RepoPaths.Root, root)))
            .SelectMany(file => TopLevelType().Matches(File.ReadAllText(file)).Select(m => (Name: m.Groups["name"].Value, Project: ProjectOf(file))))
            .Distinct()
            .ToList();

        var shared = declarations.GroupBy(d => d.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Project).Order(StringComparer.Ordinal))}")
            .ToList();

        Assert.True(declarations.Count > 500, $"the scan found only {declarations.Count} types: is the repository root right?");
        Assert.True(shared.Count == 0, "types declared in more than one project:\n" + string.Join("\n", shared));
    }

    [Fact]
    public void Scan_FindsATypeDeclaredTwice()
    {
        const string source = "namespace A;\n\npublic sealed record Twice(int X);\ninternal static partial class Other\n{\n    private sealed class Nested;\n}\n";

        var names = TopLevelType().Matches(source).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(["Twice", "Other"], names);
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string ProjectOf(string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return Path.GetFileName(directory);
            }
        }

        return file;
    }

    // file-scoped namespaces put top-level declarations at column 0; nested types are indented
    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly|ref)\s+)*(?:class|record|struct|interface|enum)\s+(?:(?:struct|class)\s+)?(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
