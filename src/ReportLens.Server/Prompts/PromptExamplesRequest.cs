using System.Text.Json;

namespace ReportLens.Server.Prompts;

/// <summary>The body of PUT …/examples: the gold records (docs/gold-format.md) that make the set, in the order they are sent.</summary>
public sealed record PromptExamplesRequest(IReadOnlyList<JsonElement>? Examples);
