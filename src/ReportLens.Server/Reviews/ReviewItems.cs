using System.Text.Json;

namespace ReportLens.Server.Reviews;

/// <summary>The reviewable items of an annotation's content, by path ("highlights/0", "impression", …), with their text.</summary>
public static class ReviewItems
{
    private static readonly Dictionary<string, (string List, string TextField)[]> Lists = new()
    {
        ["highlight"] = [("highlights", "text")],
        ["classification"] = [("classifications", "category")],
        ["extraction"] = [("findings", ""), ("measurements", "text"), ("locations", "")],
        ["scoring"] = [("scores", "reason")],
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Of(string annotationType, string? contentJson)
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

        if (annotationType == "extraction" && root.TryGetProperty("impression", out var impression)
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
