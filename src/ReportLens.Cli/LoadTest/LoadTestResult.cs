namespace ReportLens.Cli.LoadTest;

/// <summary>The outcome of a load test, as printed and as written with --json.</summary>
public sealed record LoadTestResult(
    string Target,
    int Requests,
    int Concurrency,
    int Succeeded,
    int Failed,
    double TotalSeconds,
    double Throughput,
    LatencySummary Latency,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyList<BackendThroughput> Backends,
    int CacheHits);
