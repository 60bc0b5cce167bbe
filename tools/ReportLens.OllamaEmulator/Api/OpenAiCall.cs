namespace ReportLens.OllamaEmulator.Api;

/// <summary>What of an OpenAI request shapes its answer: the model named, stream_options.include_usage, top_logprobs.</summary>
internal sealed record OpenAiCall(string Model, bool IncludeUsage, int TopLogprobs);
