using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>
/// Bends generated JSON to the request's schema the way constrained decoding would: required members added,
/// members the schema forbids dropped, wrong types replaced by defaults. Handles $ref/$defs, anyOf/oneOf, enum.
/// </summary>
internal sealed class SchemaConformer(JsonElement root)
{
    public static IReadOnlySet<string> PropertyNames(JsonElement schema)
    {
        var resolved = new SchemaConformer(schema).Resolve(schema);
        return resolved.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            ? props.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
    }

    /// <summary>Works on a re-parsed copy so every value is JsonElement-backed.</summary>
    public JsonNode? Conform(JsonNode? value) =>
        Conform(value is null ? null : JsonNode.Parse(value.ToJsonString()), root);

    private JsonNode? Conform(JsonNode? value, JsonElement schema)
    {
        schema = Resolve(schema);
        var types = Types(schema);
        if (value is null)
        {
            return types.Contains("null") ? null : Default(schema);
        }
        if (schema.TryGetProperty("enum", out var enumValues) && enumValues.ValueKind == JsonValueKind.Array)
        {
            var options = enumValues.EnumerateArray().ToList();
            return options.Any(o => JsonNode.DeepEquals(JsonNode.Parse(o.GetRawText()), value)) ? value.DeepClone() : Default(schema);
        }
        var kind = value.GetValueKind();
        if (types.Contains("object") || (types.Count == 0 && schema.TryGetProperty("properties", out _)))
        {
            return kind == JsonValueKind.Object ? ConformObject(value.AsObject(), schema) : Default(schema);
        }
        if (types.Contains("array"))
        {
            if (kind != JsonValueKind.Array)
            {
                return Default(schema);
            }
            var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
            var result = new JsonArray();
            foreach (var item in value.AsArray())
            {
                result.Add(items.ValueKind == JsonValueKind.Undefined ? item?.DeepClone() : Conform(item, items));
            }
            return result;
        }
        var ok = kind switch
        {
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.Number => types.Contains("number") || (types.Contains("integer") && IsWhole(value)),
            JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
            _ => false,
        };
        if (!ok && kind == JsonValueKind.Number && types.Contains("integer"))
        {
            return JsonValue.Create((long)Math.Round(value.GetValue<double>()));
        }
        return ok || types.Count == 0 ? value.DeepClone() : Default(schema);
    }

    private JsonObject ConformObject(JsonObject value, JsonElement schema)
    {
        var result = new JsonObject();
        var hasProps = schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object;
        var closed = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False;
        foreach (var (name, member) in value)
        {
            if (hasProps && props.TryGetProperty(name, out var memberSchema))
            {
                result[name] = Conform(member, memberSchema);
            }
            else if (!closed)
            {
                result[name] = member?.DeepClone();
            }
        }
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!result.ContainsKey(name))
                {
                    result[name] = hasProps && props.TryGetProperty(name, out var s) ? Default(s) : null;
                }
            }
        }
        return result;
    }

    public JsonNode? Default(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var enumValues) && enumValues.ValueKind == JsonValueKind.Array && enumValues.GetArrayLength() > 0)
        {
            return JsonNode.Parse(enumValues[0].GetRawText());
        }
        var types = Types(schema);
        if (types.Contains("null"))
        {
            // A model under constrained decoding fills an optional-by-nullability member with null.
            return null;
        }
        if (types.Contains("object") || (types.Count == 0 && schema.TryGetProperty("properties", out _)))
        {
            return ConformObject(new JsonObject(), schema);
        }
        if (types.Contains("array"))
        {
            return new JsonArray();
        }
        if (types.Contains("string"))
        {
            return "";
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            return 0;
        }
        return types.Contains("boolean") ? false : null;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 32 && schema.ValueKind == JsonValueKind.Object; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } path && path.StartsWith("#", StringComparison.Ordinal))
            {
                schema = Pointer(path);
                continue;
            }
            foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
            {
                if (schema.TryGetProperty(combinator, out var options) && options.ValueKind == JsonValueKind.Array)
                {
                    var chosen = options.EnumerateArray().FirstOrDefault(o => !Types(Resolve(o)).SequenceEqual(["null"]));
                    if (chosen.ValueKind == JsonValueKind.Object)
                    {
                        return Resolve(chosen);
                    }
                }
            }
            break;
        }
        return schema;
    }

    private JsonElement Pointer(string path)
    {
        var current = root;
        foreach (var segment in path.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return default;
            }
        }
        return current;
    }

    private static List<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return [];
        }
        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()],
            _ => [],
        };
    }

    private static bool IsWhole(JsonNode value) => value.GetValue<JsonElement>().TryGetInt64(out _);
}
