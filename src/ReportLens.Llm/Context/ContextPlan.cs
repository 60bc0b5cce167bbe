using ReportLens.Core.Text;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Context;

/// <summary>
/// How a report meets the model's context window: the num_ctx to ask for and, when the report does not fit in one
/// call, the chunks to annotate one by one (null when it fits).
/// </summary>
internal sealed record ContextPlan(int NumCtx, IReadOnlyList<ReportChunk>? Chunks);
