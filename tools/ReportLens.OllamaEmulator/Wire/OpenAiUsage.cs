namespace ReportLens.OllamaEmulator.Wire;

internal sealed record OpenAiUsage(int PromptTokens, int CompletionTokens, int TotalTokens);
