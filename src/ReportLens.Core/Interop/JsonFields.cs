using System.Globalization;
using System.Text.Json;

namespace ReportLens.Core.Interop;

/// <summary>Lenient reads of loosely typed JSON input: the first of several names that is present, numbers as text.</summary>
public static class JsonFields
{
    public static string? String(JsonElement obj, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var value))
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        return value.GetString();
                    case JsonValueKind.Number:
                        return value.GetRawText();
                    case JsonValueKind.True or JsonValueKind.False:
                        return value.GetBoolean().ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }
}
