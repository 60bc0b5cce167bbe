using ReportLens.Llm;
using ReportLens.Llm.Errors;

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
