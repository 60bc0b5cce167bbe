using ReportLens.Data.Entities;
using ReportLens.Llm;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Application.Analysis;

/// <summary>
/// How "analyse and record" ended. <see cref="Annotation"/> is the stored row (a failed one, with the model's raw
/// replies, when <see cref="Failure"/> is set); none for <see cref="RecordOutcome.ReportNotFound"/> and
/// <see cref="RecordOutcome.NotRecorded"/>.
/// </summary>
public sealed record RecordedAnalysis(RecordOutcome Outcome, Annotation? Annotation, LlmSchemaException? Failure)
{
    public static RecordedAnalysis ReportNotFound { get; } = new(RecordOutcome.ReportNotFound, null, null);

    public static RecordedAnalysis NotRecorded { get; } = new(RecordOutcome.NotRecorded, null, null);

    /// <summary>The stored annotation, for outcomes that store one (<see cref="RecordOutcome.Succeeded"/>, <see cref="RecordOutcome.SchemaFailed"/>).</summary>
    public Annotation Stored => Annotation ?? throw new InvalidOperationException($"nothing was stored ({Outcome})");
}
