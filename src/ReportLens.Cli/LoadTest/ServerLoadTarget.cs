using ReportLens.Cli.Server;

namespace ReportLens.Cli.LoadTest;

/// <summary>POST /api/v1/ai/analyze-text with the synthetic load-test report (<see cref="LoadReports"/>).</summary>
public sealed class ServerLoadTarget(ServerClient client, string serverUrl, string annotationType, string? engine) : ILoadTarget
{
    public string Label => $"ReportLens server {serverUrl} (POST /api/v1/ai/analyze-text, {annotationType})";

    public Task SendAsync(int index, CancellationToken cancellationToken) =>
        client.PostAsync("api/v1/ai/analyze-text", new
        {
            report_content = LoadReports.Text(index),
            language = "zh",
            user_prompt = LoadReports.Prompt,
            annotation_type = annotationType,
            engine,
        }, cancellationToken);

    public void Dispose() => client.Dispose();
}
