using ReportLens.Data.Entities;
using ReportLens.Llm;

namespace ReportLens.Server.Analysis;

/// <summary>The stored annotation; <see cref="Failure"/> is set when the model's reply never matched the schema.</summary>
public sealed record RecordedAnalysis(Annotation Annotation, LlmSchemaException? Failure);
