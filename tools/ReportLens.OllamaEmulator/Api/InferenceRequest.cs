using System.Text.Json;
using ReportLens.OllamaEmulator.Content;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>/api/chat and /api/generate reduced to one shape.</summary>
internal sealed record InferenceRequest
{
    public required string Model { get; init; }
    public required bool IsChat { get; init; }
    public required IReadOnlyList<OllamaMessage> Messages { get; init; }
    public required bool Stream { get; init; }
    public JsonElement? Format { get; init; }
    public TimeSpan? KeepAlive { get; init; }
    /// <summary>The request's think: null when unset (the model's default), true also for a level.</summary>
    public bool? Think { get; init; }
    public JsonElement? Options { get; init; }
    public bool Logprobs { get; init; }

    public static bool? ParseThink(JsonElement? think) => think?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => true,
        _ => null,
    };

    /// <summary>No messages / no prompt: Ollama just loads (or with keep_alive 0 unloads) the model.</summary>
    public bool IsLoadOnly => Messages.All(m => string.IsNullOrEmpty(m.Content));

    public CompletionInput ToInput() => new(
        System: string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content)),
        LastUser: Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "",
        HasAssistantReply: Messages.Any(m => m.Role == "assistant"),
        Format: Format is { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : Format);
}
