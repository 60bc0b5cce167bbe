using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Text.Encodings.Web;
using ReportLens.Core.Annotations;

namespace ReportLens.Core.Json;

/// <summary>The one JSON setting of the project: snake_case on the wire, enums as snake_case strings, CJK unescaped.</summary>
public static class ReportLensJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Puts the project's settings on options created elsewhere (ASP.NET Core's, for one).</summary>
    public static void Apply(JsonSerializerOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        target.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        target.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        target.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        target.NumberHandling = JsonNumberHandling.Strict;
        target.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    public static string SerializeContent(AnnotationContent content) =>
        JsonSerializer.Serialize(content, content.GetType(), Options);

    public static JsonElement ContentToElement(AnnotationContent content) =>
        JsonSerializer.SerializeToElement(content, content.GetType(), Options);

    public static AnnotationContent DeserializeContent(AnnotationType type, string json) => type switch
    {
        AnnotationType.Highlight => JsonSerializer.Deserialize<HighlightContent>(json, Options)!,
        AnnotationType.Classification => JsonSerializer.Deserialize<ClassificationContent>(json, Options)!,
        AnnotationType.Extraction => JsonSerializer.Deserialize<ExtractionContent>(json, Options)!,
        AnnotationType.Scoring => JsonSerializer.Deserialize<ScoringContent>(json, Options)!,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
