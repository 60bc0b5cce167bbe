using ReportLens.Application.Reviews;
namespace ReportLens.Server.Reviews.Queue;

/// <summary>Which annotations a review queue holds: by the report's modality and the annotation's engine, model and prompt version.</summary>
public sealed record ReviewQueueFilter(string? Modality = null, string? Engine = null, string? Model = null, string? PromptVersion = null);
