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

    /// <summary>No messages / no prompt: Ollama just loads (or with keep_alive 0 unloads) the model.</summary>
    public bool IsLoadOnly => Messages.All(m => string.IsNullOrEmpty(m.Content));

    public CompletionInput ToInput() => new(
        System: string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content)),
        LastUser: Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "",
        HasAssistantReply: Messages.Any(m => m.Role == "assistant"),
        Format: Format is { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : Format);
}
