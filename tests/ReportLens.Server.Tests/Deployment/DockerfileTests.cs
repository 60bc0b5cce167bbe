using System.Text.RegularExpressions;

namespace ReportLens.Server.Tests.Deployment;

public sealed class DockerfileTests
{
    private static readonly string[] Instructions = RepositoryFiles.Read("Dockerfile")
        .Replace("\\\n", " ", StringComparison.Ordinal)
        .Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    [Fact]
    public void Dockerfile_IsMultiStage_SdkThenAspNetRuntime()
    {
        var from = Instructions.Where(i => i.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, from.Count);
        Assert.Contains("dotnet/sdk:", from[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet:", from[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_FinalStage_RunsAsNonRootUser()
    {
        var user = Instructions.Last(i => i.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();

        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.True(Array.FindLastIndex(Instructions, i => i.StartsWith("USER ", StringComparison.Ordinal))
            > Array.FindLastIndex(Instructions, i => i.StartsWith("FROM ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_HealthcheckProbesLiveness_AndPortIsExposed()
    {
        var healthcheck = Assert.Single(Instructions, i => i.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));

        Assert.Contains("/health/live", healthcheck, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", Instructions);
        Assert.Contains(Instructions, i => i.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && i.Contains("ReportLens.Server.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_CopiesOnlyFilesThatExist()
    {
        var sources = Instructions
            .Where(i => i.StartsWith("COPY ", StringComparison.Ordinal) && !i.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(i => Regex.Split(i, @"\s+")[1..^1])
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(
            RepositoryFiles.Exists(s) || Directory.Exists(Path.Combine(RepoPaths.Root, s)), $"COPY source {s} does not exist"));
    }

    [Fact]
    public void DockerIgnore_KeepsSecretsAndDatabasesOutOfTheBuildContext()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Contains(".env", ignored);
        Assert.Contains("**/*.db", ignored);
        Assert.Contains(".git", ignored);
    }
}
