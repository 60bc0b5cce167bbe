using System.Text.Json;

namespace ReportLens.Llm.Backends;

/// <summary>
/// What one annotation call asks of a backend: model, temperature, schema, what is known of the model, the context to
/// reserve, and whether to ask for token log-probabilities.
/// </summary>
internal sealed record ChatCallPlan(string Model, double Temperature, JsonElement Schema, string SchemaName, ModelFacts Facts, int? NumCtx = null, bool Logprobs = false);
