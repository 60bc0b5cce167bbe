using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ReportLens.Server.Tests.Deployment;

/// <summary>Reads the checked-in deployment files from the repository the tests were built from.</summary>
internal static partial class RepositoryFiles
{
    public static string Read(string relativePath) => File.ReadAllText(RepoPaths.Of(relativePath));

    public static bool Exists(string relativePath) => File.Exists(RepoPaths.Of(relativePath));

    public static YamlMappingNode ReadYaml(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>KEY=value lines of an env file, comments and blanks skipped; duplicates fail.</summary>
    public static IReadOnlyDictionary<string, string> ReadEnvFile(string relativePath)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Read(relativePath).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = EnvLine().Match(line);
            Assert.True(match.Success, $"not a KEY=value line: {line}");
            Assert.True(values.TryAdd(match.Groups["key"].Value, match.Groups["value"].Value), $"duplicate setting {match.Groups["key"].Value}");
        }

        return values;
    }

    [GeneratedRegex(@"^(?<key>[A-Z][A-Z0-9_]*)=(?<value>.*)$")]
    private static partial Regex EnvLine();
}
