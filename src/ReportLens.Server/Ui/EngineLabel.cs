namespace ReportLens.Server.Ui;

/// <summary>The engine analyses run on now ("rules" when no LLM with its model is reachable, else "hybrid").</summary>
public sealed record EngineLabel(string Engine, string Model, bool Reachable, bool ModelPresent, IReadOnlyList<string> Models);
