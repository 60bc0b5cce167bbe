namespace ReportLens.Server.Analysis;

/// <summary>Ollama's durations, in nanoseconds as Ollama reports them.</summary>
public sealed record AnnotationTimings(long? TotalDuration, long? LoadDuration, long? PromptEvalDuration, long? EvalDuration);
