
namespace ReportLens.Llm.Options;

/// <summary>
/// Settings of the Ollama backends, bound from the "Ollama" section and the OLLAMA_* environment variables
/// (<see cref="OllamaEnvironment"/>), validated at start-up by <see cref="OllamaOptionsValidator"/>.
/// </summary>
public sealed class OllamaOptions
{
    public const string SectionName = "Ollama";

    /// <summary>One Ollama endpoint, or several separated by commas (a pool of GPU servers).</summary>
    public string BaseUrl { get; set; } = "http://localhost:11434";

    public string Model { get; set; } = "qwen2.5:7b";

    /// <summary>Seconds one model call may take (queue wait not included).</summary>
    public double Timeout { get; set; } = 120;

    /// <summary>
    /// Seconds an interactive call may wait for a slot before it is refused as busy (503 with Retry-After). Batch
    /// calls (jobs) wait as long as it takes: the worker holds them, not a user.
    /// </summary>
    public double QueueTimeout { get; set; } = 30;

    /// <summary>Interactive calls that may wait for a slot per endpoint; one more is refused at once as busy.</summary>
    public int MaxQueued { get; set; } = 64;

    /// <summary>Seconds to open a TCP connection to an endpoint.</summary>
    public double ConnectTimeout { get; set; } = 5;

    /// <summary>Calls in flight per endpoint; more wait in a queue. Unset: <see cref="NumParallel"/>.</summary>
    public int? MaxConcurrent { get; set; }

    /// <summary>
    /// Temperature for every annotation type when the request sets none. Unset (the default): the
    /// per-type temperatures from the prompt library (extraction 0.3, classification 0.5, highlight 0.7, scoring 0.5).
    /// </summary>
    public double? DefaultTemperature { get; set; }

    /// <summary>Ollama's keep_alive: how long the model stays loaded after a call ("5m", "24h", "-1").</summary>
    public string KeepAlive { get; set; } = "5m";

    /// <summary>
    /// Largest num_ctx ReportLens asks for (the model's own context_length caps it too): the KV cache grows with it.
    /// A report that does not fit is analysed in chunks.
    /// </summary>
    public int MaxNumCtx { get; set; } = 16384;

    /// <summary>Parallel slots each Ollama server runs (its OLLAMA_NUM_PARALLEL).</summary>
    public int NumParallel { get; set; } = 4;

    /// <summary>
    /// Whether the Ollama endpoints get de-identified report text (docs/privacy.md). Unset: an endpoint on this
    /// machine (loopback) gets the original text, any other one de-identified text unless its host is in
    /// <see cref="TrustedHosts"/>.
    /// </summary>
    public bool? Deidentify { get; set; }

    /// <summary>Hosts of <see cref="BaseUrl"/> inside the hospital's trust boundary (comma-separated): they get the original text when <see cref="Deidentify"/> is unset.</summary>
    public string TrustedHosts { get; set; } = "";

    /// <summary>Settings from the environment that could not be parsed; reported by the validator.</summary>
    internal List<string> Problems { get; } = [];

    public bool IsTrustedHost(Uri url) =>
        TrustedHosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(url.Host, StringComparer.OrdinalIgnoreCase);

    public int SlotsPerEndpoint => MaxConcurrent ?? NumParallel;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(Timeout);

    public TimeSpan QueueTimeoutSpan => TimeSpan.FromSeconds(QueueTimeout);

    public TimeSpan ConnectTimeoutSpan => TimeSpan.FromSeconds(ConnectTimeout);

    /// <summary>The endpoints of <see cref="BaseUrl"/>; entries that are not absolute http(s) URLs are skipped (the validator reports them).</summary>
    public IReadOnlyList<Uri> BaseUrls =>
        [.. BaseUrl.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(OllamaOptionsValidator.TryParseHttpUrl)
            .OfType<Uri>()];
}
