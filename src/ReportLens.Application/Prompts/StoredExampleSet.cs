using ReportLens.Core.Annotations;

namespace ReportLens.Application.Prompts;

/// <summary>The example set of a type and language, with the prompt version annotations made with it record.</summary>
public sealed record StoredExampleSet(
    AnnotationType AnnotationType,
    string Language,
    string PromptVersion,
    string LibraryVersion,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StoredExample> Examples);
