using System.Text.Json;
using ReportLens.Cli.Server;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;

namespace ReportLens.Cli.Analysis;

/// <summary>POST /api/v1/ai/analyze-text on a running server; its answer has the fields of <see cref="AnalysisOutput"/>.</summary>
public sealed class ServerTextAnalysis(ServerClient client) : ITextAnalysis
{
    public async Task<AnalysisOutput> AnalyzeAsync(string text, string? language, AnalysisSettings settings, CancellationToken cancellationToken)
    {
        var response = await client.PostAsync("api/v1/ai/analyze-text", new
        {
            report_content = text,
            language,
            user_prompt = settings.Prompt,
            annotation_type = settings.Type.ToWire(),
            engine = settings.EngineWire,
            model = settings.Model,
            temperature = settings.Temperature,
        }, cancellationToken);
        return response.Deserialize<AnalysisOutput>(ReportLensJson.Options) ?? throw new JsonException("empty answer from the server");
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
