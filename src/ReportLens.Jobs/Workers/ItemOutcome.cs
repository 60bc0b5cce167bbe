namespace ReportLens.Jobs.Workers;

public enum ItemOutcome
{
    Succeeded,
    Failed,
    Retried,
    /// <summary>No LLM endpoint answered: the item waits without using an attempt.</summary>
    Unavailable,
    /// <summary>Handed back on shutdown.</summary>
    Released,
    /// <summary>Finished elsewhere, cancelled, or its job is gone: nothing recorded here.</summary>
    Dropped,
}
