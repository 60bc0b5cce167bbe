namespace ReportLens.OllamaEmulator.Wire;

/// <summary>OpenAI's error body: {"error": {"message", "type", "code"}}.</summary>
internal sealed record OpenAiError(OpenAiErrorDetail Error);
