using System.Text.Json;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Core.Evaluation;

namespace ReportLens.Cli.Tests;

/// <summary>Issue 16, the gold export door: reviewed reports of the synthetic PHI corpus export with none of their identifiers.</summary>
public sealed class GoldExportPrivacyTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ExportDeidentified_ReviewedPhiCorpusReports_NoIdentifierAndEverySpanExact()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = Read("phi-zh.jsonl").Take(12).Concat(Read("phi-en.jsonl").Take(6)).ToList();
        await _workspace.CreateDatabaseAsync();
        await using var server = await DatabaseServer.StartAsync(_workspace.DatabaseUrl, _workspace.Folder);
        using var client = await server.AdminClientAsync();
        foreach (var (text, _) in corpus)
        {
            var (_, annotations) = await GoldScenario.AnalysedAsync(client, text);
            foreach (var (id, content) in annotations.Values)
            {
                await GoldScenario.AcceptAllAsync(client, id, content);
            }
        }

        var plain = await client.GetStringAsync("/api/v1/gold/export", ct);
        var api = await client.GetStringAsync("/api/v1/gold/export?deidentify=true", ct);
        var cli = await _workspace.RunAsync("gold", "export", "--deidentify", "--output", _workspace.Path("deid.jsonl"));

        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Equal(corpus.Count, GoldFile.Parse(new StringReader(plain)).Count);
        var identifiers = corpus.SelectMany(r => r.Identifiers).Distinct().ToList();
        Assert.Contains(identifiers, identifier => plain.Contains(identifier, StringComparison.Ordinal));
        foreach (var written in new[] { api, File.ReadAllText(_workspace.Path("deid.jsonl")) })
        {
            var records = GoldFile.Parse(new StringReader(written));
            Assert.Equal(corpus.Count, records.Count);
            Assert.Contains(records, r => r.Findings.Count > 0);
            Assert.All(identifiers, identifier => Assert.DoesNotContain(identifier, written, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Report texts and their identifiers that cannot occur by chance in other text: three characters or more, six or more
    /// when only digits (a bed number "26" or a room "102" also occurs in measurements and in shifted dates such as 20210224).
    /// </summary>
    private static IEnumerable<(string Text, IReadOnlyList<string> Identifiers)> Read(string file) =>
        File.ReadLines(RepoPaths.Of(Path.Combine("tests", "data", "deid", file))).Where(l => l.Length > 0).Select(line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            var identifiers = root.GetProperty("spans").EnumerateArray()
                // a shifted date may be another report's original date: dates are checked by the de-identification tests
                .Where(s => s.GetProperty("type").GetString() != "date").Select(s => s.GetProperty("text").GetString()!).Where(t => t.Length >= (t.All(char.IsAsciiDigit) ? 6 : 3)).ToList();
            return (root.GetProperty("text").GetString()!, (IReadOnlyList<string>)identifiers);
        });
}
