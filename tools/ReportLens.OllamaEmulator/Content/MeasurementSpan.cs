namespace ReportLens.OllamaEmulator.Content;

/// <summary>A number (with unit when written) found in the report; Start/End cover Value and Unit.</summary>
internal sealed record MeasurementSpan(int Start, int End, string Item, string Value, string Unit, string Text);
