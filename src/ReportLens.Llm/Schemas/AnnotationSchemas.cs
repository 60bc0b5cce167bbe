using System.Collections.Frozen;
using System.Text.Json;
using Json.Schema;
using ReportLens.Core.Annotations;

namespace ReportLens.Llm.Schemas;

/// <summary>
/// The JSON schema of the model's reply per annotation type (data files Schemas/*.schema.json, loaded once):
/// sent to Ollama as <c>format</c> and used to validate what comes back.
/// </summary>
public sealed class AnnotationSchemas
{
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };
    private readonly FrozenDictionary<AnnotationType, (JsonElement Element, JsonSchema Schema)> _schemas;

    public AnnotationSchemas()
    {
        var assembly = typeof(AnnotationSchemas).Assembly;
        var schemas = new Dictionary<AnnotationType, (JsonElement, JsonSchema)>();
        foreach (var type in Enum.GetValues<AnnotationType>())
        {
            var resource = $"ReportLens.Llm.Schemas.{type.ToWire()}.schema.json";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidDataException($"Schema resource '{resource}' is missing.");
            using var document = JsonDocument.Parse(stream);
            var element = document.RootElement.Clone();
            // A fresh registry per build: schemas without $id get generated base URIs, so nothing collides.
            schemas[type] = (element, JsonSchema.Build(element, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        }

        _schemas = schemas.ToFrozenDictionary();
    }

    /// <summary>The schema as JSON, for the request's format.</summary>
    public JsonElement Get(AnnotationType type) => _schemas[type].Element;

    /// <summary>Checks a raw reply: JSON syntax, then the schema; on success also parses it into the content record.</summary>
    public SchemaCheck Check(AnnotationType type, string reply)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripCodeFence(reply));
        }
        catch (JsonException e)
        {
            return SchemaCheck.Invalid(
                $"The reply is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); return one JSON object only.");
        }

        using (document)
        {
            var schema = _schemas[type].Schema;
            // The flag format stops at the first failure and allocates little; the error list is built only for a repair.
            if (!schema.Evaluate(document.RootElement, FlagOnly).IsValid)
            {
                var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                return SchemaCheck.Invalid([.. CollectErrors(results).Distinct().Take(20)]);
            }

            return SchemaCheck.Valid(ReplyParser.Parse(type, document.RootElement));
        }
    }

    private static IEnumerable<string> CollectErrors(EvaluationResults results)
    {
        foreach (var node in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
        {
            if (node.Errors is null)
            {
                continue;
            }

            var location = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in node.Errors)
            {
                yield return $"{(location.Length == 0 ? "/" : location)}: {message} ({keyword})";
            }
        }
    }

    // Models without a format constraint (some OpenAI-compatible servers) like to wrap JSON in a Markdown fence.
    private static string StripCodeFence(string reply)
    {
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n');
        return firstLineEnd < 0 ? text : text[(firstLineEnd + 1)..^3].Trim();
    }
}
