using ReportLens.Core.Annotations;

namespace ReportLens.Llm.Schemas;

/// <summary>The outcome of checking one reply: the parsed content, or the errors to send back to the model.</summary>
public sealed record SchemaCheck(AnnotationContent? Content, IReadOnlyList<string> Errors)
{
    public bool IsValid => Content is not null;

    public static SchemaCheck Valid(AnnotationContent content) => new(content, []);

    public static SchemaCheck Invalid(params IReadOnlyList<string> errors) => new(null, errors);
}
