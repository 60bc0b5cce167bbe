namespace ReportLens.Server.Health;

/// <summary>
/// {status, database, ollama, model}, the fields monitoring already reads: status is healthy or degraded; ollama is "ok",
/// "model_missing" (reachable, model not pulled) or "unavailable". Engine says what analyses run on now.
/// </summary>
public sealed record HealthResponse(string Status, string Database, string Ollama, string Model, string Engine, string? Detail);
