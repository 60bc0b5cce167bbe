namespace ReportLens.OllamaEmulator.Faults;

/// <summary>Random fault injection: with probability <see cref="Rate"/> one of <see cref="Faults"/> is applied.</summary>
public sealed record FaultSettings
{
    public double Rate { get; init; }
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>Reseeds the fault RNG when set (runtime changes only).</summary>
    public int? Seed { get; init; }

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Validate()
    {
        if (double.IsNaN(Rate) || Rate < 0 || Rate > 1)
        {
            return "fault rate must be between 0 and 1";
        }
        var unknown = Faults.FirstOrDefault(f => !EmulatorFaults.IsKnown(f));
        if (unknown is not null)
        {
            return $"unknown fault '{unknown}' (known: {string.Join(", ", EmulatorFaults.All)}, delay:MS)";
        }
        return Rate > 0 && Faults.Count == 0 ? "a fault rate needs at least one fault name" : null;
    }
}
