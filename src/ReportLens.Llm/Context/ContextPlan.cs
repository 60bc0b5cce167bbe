using ReportLens.Core.Text;

namespace ReportLens.Llm.Context;

/// <summary>
/// How a report meets the model's context window: the num_ctx to ask for and, when the report does not fit in one
/// call, the chunks to annotate one by one (null when it fits).
/// </summary>
internal sealed record ContextPlan(int NumCtx, IReadOnlyList<ReportChunk>? Chunks);
