namespace ReportLens.OllamaEmulator.Wire;

internal sealed record VersionResponse(string Version);
