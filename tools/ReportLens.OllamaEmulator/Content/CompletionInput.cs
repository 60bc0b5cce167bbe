using System.Text.Json;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>What the content generator needs from a chat or generate request.</summary>
internal sealed record CompletionInput(string? System, string LastUser, bool HasAssistantReply, JsonElement? Format);
