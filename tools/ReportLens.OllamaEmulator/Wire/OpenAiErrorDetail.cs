namespace ReportLens.OllamaEmulator.Wire;

internal sealed record OpenAiErrorDetail(string Message, string Type, string Code);
