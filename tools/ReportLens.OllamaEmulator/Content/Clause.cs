namespace ReportLens.OllamaEmulator.Content;

/// <summary>A clause of the report with its UTF-16 offsets; labels ("印象：") are kept apart from content.</summary>
internal sealed record Clause(int Start, int End, string Text, bool IsLabel, bool InImpression);
