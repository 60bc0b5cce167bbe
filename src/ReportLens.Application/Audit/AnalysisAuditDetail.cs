using ReportLens.Application.Analysis;
using ReportLens.Core.Annotations;

namespace ReportLens.Application.Audit;

/// <summary>
/// The detail of an <see cref="AuditActions.Analyze"/> record, for every door: the type and engine, and for a fresh
/// LLM call which backend got the report and whether de-identified or original (docs/privacy.md). A result from
/// the cache sent nothing anywhere.
/// </summary>
public static class AnalysisAuditDetail
{
    public static string Of(AnnotationType type, AnalysisOutcome outcome)
    {
        var detail = $"{type.ToWire()} by {outcome.Engine.ToString().ToLowerInvariant()}";
        return outcome switch
        {
            { Cached: false, Llm: { } llm } => $"{detail}; {Sent(llm.Backend, llm.Deidentified)}",
            _ => detail,
        };
    }

    /// <summary>A failed LLM call sent the report too.</summary>
    public static string Failed(AnnotationType type, string? backend, bool deidentified) =>
        $"{type.ToWire()} failed: schema" + (backend is null ? "" : "; " + Sent(backend, deidentified));

    private static string Sent(string backend, bool deidentified) =>
        $"{backend} got {(deidentified ? "de-identified" : "original")} text";
}
