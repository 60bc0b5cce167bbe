namespace ReportLens.OllamaEmulator.Faults;

/// <summary>The faults applied to one request.</summary>
internal sealed record FaultPlan
{
    public static FaultPlan None { get; } = new();

    public int DelayMs { get; init; }
    public bool Timeout { get; init; }
    public bool Http500 { get; init; }
    public bool InvalidJson { get; init; }
    public bool InvalidJsonOnce { get; init; }
    public bool SchemaViolation { get; init; }
    public bool UnknownModel { get; init; }
    public bool Busy { get; init; }
    public bool WrongOffsets { get; init; }
    public bool HallucinatedSpan { get; init; }
    public bool DropStream { get; init; }
    public bool StreamError { get; init; }
    public bool ThinkOnly { get; init; }
    public bool ThinkInline { get; init; }
    public IReadOnlyList<string> UnsureWords { get; init; } = [];

    /// <summary>No fault (unsure words only shape log-probabilities: they are no fault).</summary>
    public bool IsEmpty => this with { UnsureWords = None.UnsureWords } == None;

    public static FaultPlan FromNames(IEnumerable<string> names)
    {
        var plan = None;
        foreach (var raw in names)
        {
            plan = plan.With(raw.Trim());
        }
        return plan;
    }

    private FaultPlan With(string name)
    {
        if (name.StartsWith(EmulatorFaults.Unsure + ":", StringComparison.Ordinal))
        {
            return this with { UnsureWords = [.. UnsureWords, name[(EmulatorFaults.Unsure.Length + 1)..]] };
        }

        if (name.StartsWith(EmulatorFaults.Delay + ":", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(EmulatorFaults.Delay.Length + 1), out var ms) && ms >= 0)
        {
            return this with { DelayMs = DelayMs + ms };
        }
        return name switch
        {
            EmulatorFaults.Timeout => this with { Timeout = true },
            EmulatorFaults.Http500 => this with { Http500 = true },
            EmulatorFaults.InvalidJson => this with { InvalidJson = true },
            EmulatorFaults.InvalidJsonOnce => this with { InvalidJsonOnce = true },
            EmulatorFaults.SchemaViolation => this with { SchemaViolation = true },
            EmulatorFaults.UnknownModel => this with { UnknownModel = true },
            EmulatorFaults.Busy => this with { Busy = true },
            EmulatorFaults.WrongOffsets => this with { WrongOffsets = true },
            EmulatorFaults.HallucinatedSpan => this with { HallucinatedSpan = true },
            EmulatorFaults.DropStream => this with { DropStream = true },
            EmulatorFaults.StreamError => this with { StreamError = true },
            EmulatorFaults.ThinkOnly => this with { ThinkOnly = true },
            EmulatorFaults.ThinkInline => this with { ThinkInline = true },
            _ => this,
        };
    }
}
