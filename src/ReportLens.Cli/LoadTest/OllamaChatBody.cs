using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Cli.LoadTest;

/// <summary>
/// The body of an Ollama /api/chat call with the messages, schema and temperature the server's LLM layer sends for
/// the type. The bench calls this same type (it references this project), so the load test and the bench's direct baseline
/// cannot drift apart.
/// </summary>
public static class OllamaChatBody
{
    private static readonly AnnotationSchemas Schemas = new();

    /// <summary>An object for System.Text.Json: model, stream=false, format (the type's schema), options.temperature, system and user messages.</summary>
    public static object Create(string model, AnnotationType type, string userPrompt, string reportText, ReportLanguage language)
    {
        var prompts = PromptLibrary.Default;
        return new
        {
            model,
            stream = false,
            format = Schemas.Get(type),
            options = new { temperature = prompts.DefaultTemperature(type) },
            messages = new[]
            {
                new { role = "system", content = prompts.Get(type, language) },
                new { role = "user", content = prompts.BuildUserMessage(userPrompt, reportText, language) },
            },
        };
    }
}
