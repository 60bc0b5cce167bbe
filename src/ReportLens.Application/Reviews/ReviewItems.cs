using System.Text.Json;
using ReportLens.Core.Annotations;

namespace ReportLens.Application.Reviews;

/// <summary>The reviewable items of an annotation's content, by path ("highlights/0", "impression", …), with their text.</summary>
public static class ReviewItems
{
    private static readonly Dictionary<AnnotationType, (string List, string TextField)[]> Lists = new()
    {
        [AnnotationType.Highlight] = [("highlights", "text")],
        [AnnotationType.Classification] = [("classifications", "category")],
        [AnnotationType.Extraction] = [("findings", ""), ("measurements", "text"), ("locations", "")],
        [AnnotationType.Scoring] = [("scores", "reason")],
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Of(AnnotationType annotationType, string? contentJson)
    {
        var items = new List<KeyValuePair<string, string>>();
        if (contentJson is null || !Lists.TryGetValue(annotationType, out var lists))
        {
            return items;
        }

        using var document = JsonDocument.Parse(contentJson);
        var root = document.RootElement;
        foreach (var (list, field) in lists)
        {
            if (!root.TryGetProperty(list, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                items.Add(new($"{list}/{index++}", TextOf(element, field)));
            }
        }

        if (annotationType == AnnotationType.Extraction && root.TryGetProperty("impression", out var impression)
            && impression.GetString() is { Length: > 0 } text)
        {
            items.Add(new("impression", text));
        }

        return items;
    }

    private static string TextOf(JsonElement element, string field) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.Object when element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String => value.GetString() ?? "",
        _ => element.GetRawText(),
    };
}
