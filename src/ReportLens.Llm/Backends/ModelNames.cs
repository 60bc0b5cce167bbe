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

/// <summary>Ollama treats "llama3" and "llama3:latest" as one model.</summary>
public static class ModelNames
{
    public static string Normalize(string model)
    {
        var name = model.Trim();
        return name.Contains(':', StringComparison.Ordinal) ? name : name + ":latest";
    }
}
