using ReportLens.Core.Annotations;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;

namespace ReportLens.Llm.Schemas;

/// <summary>The outcome of checking one reply: the parsed content, or the errors to send back to the model.</summary>
public sealed record SchemaCheck(AnnotationContent? Content, IReadOnlyList<string> Errors)
{
    public bool IsValid => Content is not null;

    public static SchemaCheck Valid(AnnotationContent content) => new(content, []);

    public static SchemaCheck Invalid(params IReadOnlyList<string> errors) => new(null, errors);
}
