using System.Collections.Concurrent;
using Spectre.Console;

namespace ReportLens.Cli.LoadTest;

/// <summary>Sends N requests with at most C in flight, timing each, with a progress bar on stderr.</summary>
public sealed class LoadTestRunner(ILoadTarget target, TimeProvider time, IAnsiConsole status)
{
    public async Task<LoadTestResult> RunAsync(int requests, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var samples = new ConcurrentBag<LoadSample>();
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        await status.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var bar = progress.AddTask("requests", maxValue: requests);
            await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    var begin = time.GetTimestamp();
                    try
                    {
                        samples.Add(await target.SendAsync(index, ct));
                        latencies.Add(time.GetElapsedTime(begin).TotalSeconds);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        errors.AddOrUpdate(Reason(ex), 1, (_, n) => n + 1);
                    }

                    bar.Increment(1);
                });
        });
        var total = time.GetElapsedTime(started).TotalSeconds;
        return new LoadTestResult(target.Label, requests, concurrency, latencies.Count, requests - latencies.Count, total,
            total > 0 ? requests / total : 0, LatencySummary.Of(latencies.ToArray()), new Dictionary<string, int>(errors),
            BackendThroughput.Of(samples, total), samples.Count(s => s.Cached));
    }

    private static string Reason(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code}",
        HttpRequestException => "connection failed",
        TaskCanceledException => "timeout",
        _ => ex.Message.Length > 80 ? ex.Message[..80] : ex.Message,
    };
}
