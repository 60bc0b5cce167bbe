using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Application.Audit;
using ReportLens.Application.Prompts;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Prompts;

/// <summary>
/// Admin-only few-shot example sets per annotation type and language (docs/llm.md): show, set (replacing the set
/// before) and clear, through the <see cref="PromptExamples"/> use case the CLI calls too.
/// </summary>
public static class PromptExamplesApi
{
    public static IEndpointRouteBuilder MapPromptExamplesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/prompts/{type}/{language}/examples").WithTags("Prompts").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ShowAsync).WithName("GetPromptExamples").WithSummary("The few-shot examples of an annotation type and language")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", SetAsync).WithName("SetPromptExamples").WithSummary("Set the few-shot examples from gold records");
        group.MapDelete("/", ClearAsync).WithName("ClearPromptExamples").WithSummary("Remove the few-shot examples: analyses become zero-shot")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<StoredExampleSet>, ValidationProblem, ProblemHttpResult>> ShowAsync(
        string type, string language, PromptExamples examples, CancellationToken ct)
    {
        if (Parse(type, language, out var t, out var l) is { } invalid)
        {
            return invalid;
        }

        return await examples.ShowAsync(t, l, ct) is { } set ? TypedResults.Ok(set) : NoSet(type, language);
    }

    internal static async Task<Results<Ok<StoredExampleSet>, ValidationProblem>> SetAsync(
        string type, string language, PromptExamplesRequest request, PromptExamples examples, HttpContext http, CancellationToken ct)
    {
        if (Parse(type, language, out var t, out var l) is { } invalid)
        {
            return invalid;
        }

        var change = await examples.SetAsync(t, l, request.Examples ?? [], Actor(http), ct);
        return change.Set is { } set ? TypedResults.Ok(set) : TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ClearAsync(
        string type, string language, PromptExamples examples, HttpContext http, CancellationToken ct)
    {
        if (Parse(type, language, out var t, out var l) is { } invalid)
        {
            return invalid;
        }

        return await examples.ClearAsync(t, l, Actor(http), ct) ? TypedResults.NoContent() : NoSet(type, language);
    }

    private static ValidationProblem? Parse(string type, string language, out AnnotationType annotationType, out ReportLanguage reportLanguage)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AnnotationTypes.TryParse(type, out annotationType))
        {
            errors["type"] = [$"annotation type must be one of {string.Join(", ", AnnotationTypes.WireNames)}"];
        }

        if (!LanguageDetector.TryParse(language, out reportLanguage))
        {
            errors["language"] = ["language must be zh or en"];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static ProblemHttpResult NoSet(string type, string language) =>
        Problems.NotFound($"no few-shot examples for {type}/{language}: its analyses are zero-shot");

    private static Actor Actor(HttpContext http) => http.User.ToActor(Door.Api, http.Connection.RemoteIpAddress?.ToString());
}
