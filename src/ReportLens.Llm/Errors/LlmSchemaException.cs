
namespace ReportLens.Llm.Errors;

/// <summary>
/// The model's reply was not valid JSON for the annotation type's schema, even after the one repair attempt.
/// Carries the raw replies for audit (store them, never log them).
/// </summary>
public sealed class LlmSchemaException(IReadOnlyList<string> rawReplies, IReadOnlyList<string> errors, string? backend, string model)
    : LlmException(
        $"The model '{model}' returned JSON that does not match the schema after {rawReplies.Count} attempt(s): " +
        string.Join("; ", errors.Take(5)),
        backend)
{
    /// <summary>Every reply in order: the first answer, then the repair attempt's.</summary>
    public IReadOnlyList<string> RawReplies { get; } = rawReplies;

    /// <summary>The validation errors of the last reply.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;

    public string Model { get; } = model;

    /// <summary>Whether the backend got de-identified text (for the audit record).</summary>
    public bool Deidentified { get; init; }

    /// <summary>The prompt version of the failed call (the few-shot set's, when examples were sent); null: the library's.</summary>
    public string? PromptVersion { get; init; }

    public string LastRawReply => RawReplies.Count > 0 ? RawReplies[^1] : "";

    public override bool IsTransient => false;
}
