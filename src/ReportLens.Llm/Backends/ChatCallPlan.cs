using System.Text.Json;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Backends;

/// <summary>
/// What one annotation call asks of a backend: model, temperature, schema, what is known of the model, the context to
/// reserve, and whether to ask for token log-probabilities.
/// </summary>
internal sealed record ChatCallPlan(string Model, double Temperature, JsonElement Schema, string SchemaName, ModelFacts Facts, int? NumCtx = null, bool Logprobs = false);
