using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Application.Analysis;

/// <summary>A validated analysis request, for a stored report (ReportId) or free text.</summary>
public sealed record AnalysisInput(
    int? ReportId,
    string Text,
    ReportLanguage Language,
    AnnotationType Type,
    string UserPrompt,
    EngineKind? Engine,
    string? Model,
    double? Temperature,
    bool BypassCache,
    bool Interactive = true,
    long? JobId = null,
    long? JobItemId = null,
    Func<string, Task>? OnReplyText = null);
