namespace ReportLens.OllamaEmulator.Wire;

internal sealed record ModelList(IReadOnlyList<ModelEntry> Models);
