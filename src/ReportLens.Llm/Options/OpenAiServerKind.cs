
namespace ReportLens.Llm.Options;

/// <summary>
/// Which server stands behind an OpenAI-compatible endpoint ("Llm:OpenAiEndpoints:n:Kind"): it decides how the reply's
/// schema is sent. Configured as the lower-case name (openai, vllm, llamacpp, lmstudio, sglang).
/// </summary>
public enum OpenAiServerKind
{
    /// <summary>OpenAI itself or any server that follows it: <c>response_format</c> json_schema, strict.</summary>
    OpenAi,

    /// <summary>vLLM 0.12+: <c>structured_outputs: {json: schema}</c> (its <c>guided_json</c> was removed in 0.12).</summary>
    Vllm,

    /// <summary>llama.cpp's llama-server: <c>response_format</c> json_schema, turned into a grammar.</summary>
    LlamaCpp,

    /// <summary>LM Studio: <c>response_format</c> json_schema, strict.</summary>
    LmStudio,

    /// <summary>SGLang: <c>response_format</c> json_schema, strict.</summary>
    SgLang,
}
