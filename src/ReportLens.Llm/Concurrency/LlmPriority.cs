
namespace ReportLens.Llm.Concurrency;

/// <summary>Interactive calls (a user waiting) take a free slot before batch calls (jobs).</summary>
public enum LlmPriority
{
    Interactive,
    Batch,
}
