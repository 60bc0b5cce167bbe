namespace ReportLens.OllamaEmulator.Wire;

internal sealed record ErrorResponse(string Error);
