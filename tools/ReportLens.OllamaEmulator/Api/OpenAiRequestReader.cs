using System.Text.Json;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// Reads an OpenAI chat completion request into the emulator's one inference shape. The reply's schema comes from
/// whichever field the server kind uses: <c>response_format</c> json_schema (OpenAI, LM Studio, SGLang, llama.cpp —
/// which also takes <c>schema</c> beside the type), vLLM's <c>structured_outputs.json</c>, or its old <c>guided_json</c>.
/// </summary>
internal static class OpenAiRequestReader
{
    private const int MaxTopLogprobs = 20;

    /// <summary>The request and what shapes its answer, or the reason it is refused (a 400).</summary>
    public static (InferenceRequest? Request, OpenAiCall? Call, string? Error) Read(JsonElement body, EmulatorOptions options)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Fail("the request body must be a JSON object");
        }
        if (String(body, "model") is not { Length: > 0 } model)
        {
            return Fail("model is required");
        }
        if (!body.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return Fail("messages must be a non-empty array");
        }
        var messages = list.EnumerateArray().Select(m => new OllamaMessage { Role = String(m, "role") ?? "", Content = Content(m) }).ToList();
        if (messages.All(m => string.IsNullOrEmpty(m.Content)))
        {
            return Fail("messages must hold some content");
        }
        var top = 0;
        if (body.TryGetProperty("top_logprobs", out var t) && t.ValueKind != JsonValueKind.Null
            && (!t.TryGetInt32(out top) || top is < 0 or > MaxTopLogprobs))
        {
            return Fail($"top_logprobs must be a whole number from 0 to {MaxTopLogprobs}");
        }
        var (format, formatError) = Format(body);
        if (formatError is not null)
        {
            return Fail(formatError);
        }

        var request = new InferenceRequest
        {
            Model = model,
            IsChat = true,
            Messages = messages,
            Stream = Bool(body, "stream") == true,
            Format = format,
            Think = body.TryGetProperty("chat_template_kwargs", out var kwargs) ? Bool(kwargs, "enable_thinking") : null,
            // An OpenAI-compatible server's window is fixed when it starts: the model's whole context length.
            Options = JsonSerializer.SerializeToElement(new Dictionary<string, int> { ["num_ctx"] = options.ContextLength }),
            Logprobs = Bool(body, "logprobs") == true,
        };
        var includeUsage = body.TryGetProperty("stream_options", out var streamOptions) && Bool(streamOptions, "include_usage") == true;
        return (request, new OpenAiCall(model, includeUsage, top), null);
    }

    private static (JsonElement? Format, string? Error) Format(JsonElement body)
    {
        if (body.TryGetProperty("structured_outputs", out var structured) && structured.ValueKind == JsonValueKind.Object
            && structured.TryGetProperty("json", out var json))
        {
            return Schema(json);
        }
        if (body.TryGetProperty("guided_json", out var guided) && guided.ValueKind != JsonValueKind.Null)
        {
            return Schema(guided);
        }
        if (!body.TryGetProperty("response_format", out var format) || format.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        return String(format, "type") switch
        {
            "text" => (null, null),
            "json_schema" when format.TryGetProperty("json_schema", out var named) && named.TryGetProperty("schema", out var schema) => Schema(schema),
            "json_schema" or "json_object" when format.TryGetProperty("schema", out var bare) => Schema(bare),
            "json_object" => (JsonSerializer.SerializeToElement("json"), null),
            "json_schema" => (null, "response_format json_schema needs json_schema.schema"),
            var other => (null, $"response_format type '{other}' is not one of text, json_object, json_schema"),
        };
    }

    /// <summary>A schema is an object; vLLM also takes it as a JSON string.</summary>
    private static (JsonElement? Format, string? Error) Schema(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.String)
        {
            try
            {
                schema = JsonDocument.Parse(schema.GetString()!).RootElement.Clone();
            }
            catch (JsonException)
            {
                return (null, "the JSON schema string is not JSON");
            }
        }
        return schema.ValueKind == JsonValueKind.Object ? (schema.Clone(), null) : (null, "the JSON schema must be an object");
    }

    /// <summary>A message's text: a string, or the text parts of a content array.</summary>
    private static string? Content(JsonElement message) =>
        !message.TryGetProperty("content", out var content) ? null
        : content.ValueKind == JsonValueKind.String ? content.GetString()
        : content.ValueKind == JsonValueKind.Array
            ? string.Concat(content.EnumerateArray().Where(p => String(p, "type") == "text").Select(p => String(p, "text")))
            : null;

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static (InferenceRequest?, OpenAiCall?, string?) Fail(string error) => (null, null, error);
}
