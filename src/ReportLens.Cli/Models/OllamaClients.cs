using OllamaSharp;
using OllamaSharp.Models.Exceptions;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Models;

public static class OllamaClients
{
    public static OllamaApiClient Create(CliContext context) =>
        new(new HttpClient { BaseAddress = context.Ollama.BaseUrl, Timeout = TimeSpan.FromHours(2) });

    /// <summary>Runs an Ollama call, turning a refused connection into "Ollama unreachable at URL".</summary>
    public static async Task<T> CallAsync<T>(CliContext context, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            throw new CliException($"Ollama unreachable at {context.Ollama.BaseUrl} ({ex.Message})", ExitCodes.Failure, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"Ollama answered HTTP {(int)ex.StatusCode!}: {ex.Message}", ExitCodes.Failure, ex);
        }
        catch (OllamaException ex)
        {
            throw new CliException($"Ollama: {ex.Message}", ExitCodes.Failure, ex);
        }
    }
}
