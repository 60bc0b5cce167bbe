namespace ReportLens.OllamaEmulator;

/// <summary>A copy of <see cref="EmulatorStats"/>; the body of GET /emulator/stats.</summary>
public sealed record EmulatorStatsSnapshot
{
    public long Requests { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long BusyRejections { get; init; }
    public long FaultsInjected { get; init; }
    public long PromptTokens { get; init; }
    public long EvalTokens { get; init; }
    public int InFlight { get; init; }
    public int Queued { get; init; }
    public int MaxConcurrent { get; init; }
    public IReadOnlyDictionary<string, long> RequestsPerModel { get; init; } = new Dictionary<string, long>();
}
