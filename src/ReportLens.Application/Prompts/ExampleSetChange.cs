namespace ReportLens.Application.Prompts;

/// <summary>The outcome of setting an example set: the stored set, or the problems keyed by example and field.</summary>
public sealed record ExampleSetChange(StoredExampleSet? Set, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Set is not null;
}
