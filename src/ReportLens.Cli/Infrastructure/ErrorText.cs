using ReportLens.Llm;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Cli.Infrastructure;

/// <summary>One line for a failed item of a batch: the reason, never the report or the model's reply.</summary>
public static class ErrorText
{
    public static string Of(Exception ex) => ex switch
    {
        CliException cli => cli.Message,
        LlmException llm => $"{llm.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}: {llm.Message}",
        HttpRequestException http => $"unreachable: {http.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
