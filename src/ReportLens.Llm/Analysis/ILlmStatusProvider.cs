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

namespace ReportLens.Llm.Analysis;

public interface ILlmStatusProvider
{
    Task<LlmStatus> GetStatusAsync(CancellationToken ct);

    /// <summary>The last known status at once (refreshed in the background), for choosing an engine per request.</summary>
    Task<LlmStatus> GetLatestStatusAsync(CancellationToken ct);
}
