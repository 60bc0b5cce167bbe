using System.Text;
using System.Text.Json;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;
using Spectre.Console;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// JSONL in ({"id","text"} per line), JSONL out (one <see cref="AnalysisOutput"/> per id), appending, and skipping
/// ids the output already holds a result for: an interrupted run continues where it stopped.
/// </summary>
public sealed class BatchAnalyzer(ITextAnalysis analysis, AnalysisSettings settings, CliContext context)
{
    public sealed record Summary(int Total, int Skipped, int Succeeded, int Failed);

    public async Task<Summary> RunAsync(string input, string output, int concurrency, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            throw new CliException($"file not found: {input}");
        }

        var done = await CompletedIdsAsync(output, cancellationToken);
        var (items, bad) = await ReadInputAsync(input, cancellationToken);
        var pending = items.Where(i => !done.Contains(i.Id)).ToList();
        var failed = bad.Count;
        var succeeded = 0;
        var cutShort = EndsWithoutNewline(output);
        await using var writer = new StreamWriter(output, append: true, new UTF8Encoding(false));
        if (cutShort)
        {
            // An interrupted run left half a line: end it, so the next result starts on a line of its own.
            await writer.WriteLineAsync();
        }

        using var gate = new SemaphoreSlim(1, 1);
        foreach (var (id, error) in bad)
        {
            await WriteAsync(writer, gate, AnalysisOutput.Failed(id, error), cancellationToken);
        }

        await context.Status.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask($"analysing {pending.Count} report(s)", maxValue: Math.Max(1, pending.Count));
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    AnalysisOutput result;
                    try
                    {
                        result = await analysis.AnalyzeAsync(item.Text, item.Language, settings, ct) with { Id = item.Id };
                        Interlocked.Increment(ref succeeded);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        result = AnalysisOutput.Failed(item.Id, ErrorText.Of(ex));
                        Interlocked.Increment(ref failed);
                    }

                    await WriteAsync(writer, gate, result, ct);
                    bar.Increment(1);
                });
        });
        return new Summary(items.Count + bad.Count, items.Count - pending.Count, succeeded, failed);
    }

    private static bool EndsWithoutNewline(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }

    private static async Task WriteAsync(StreamWriter writer, SemaphoreSlim gate, AnalysisOutput result, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(result, ReportLensJson.Options);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ids with a result (not an error) in an earlier run's output.</summary>
    private static async Task<HashSet<string>> CompletedIdsAsync(string output, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(output))
        {
            return ids;
        }

        foreach (var line in await File.ReadAllLinesAsync(output, cancellationToken))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (JsonFields.String(doc.RootElement, "id") is { } id && !doc.RootElement.TryGetProperty("error", out _))
                {
                    ids.Add(id);
                }
            }
            catch (JsonException)
            {
                // A line cut short by an interrupted run: its id is analysed again.
            }
        }

        return ids;
    }

    private sealed record Item(string Id, string Text, string? Language);

    private static async Task<(List<Item> Items, List<(string? Id, string Error)> Bad)> ReadInputAsync(string input, CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        var bad = new List<(string?, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(input, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var id = JsonFields.String(doc.RootElement, "id");
                var text = JsonFields.String(doc.RootElement, "text", "report_content");
                if (id is null || string.IsNullOrWhiteSpace(text))
                {
                    bad.Add((id, $"line {number}: needs \"id\" and \"text\""));
                }
                else if (!seen.Add(id))
                {
                    bad.Add((id, $"line {number}: id repeats an earlier line"));
                }
                else
                {
                    items.Add(new Item(id, text, JsonFields.String(doc.RootElement, "language")));
                }
            }
            catch (JsonException ex)
            {
                bad.Add((null, $"line {number}: bad JSON ({JsonErrors.Describe(ex)})"));
            }
        }

        return (items, bad);
    }
}
