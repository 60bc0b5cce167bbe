
namespace ReportLens.Llm.Logprobs;

/// <summary>
/// The token log-probabilities of the one model call running in this async flow. OllamaSharp 5.5 has no logprobs on
/// chat requests or responses, so <see cref="OllamaLogprobsHandler"/> adds the request fields and reads the
/// response's array on the HTTP client below it, and hands them back through here.
/// </summary>
internal sealed class LogprobsCapture
{
    private static readonly AsyncLocal<LogprobsCapture?> Active = new();

    public static LogprobsCapture? Current => Active.Value;

    /// <summary>What the backend sent; null when it sent none (older Ollama, a server without logprobs).</summary>
    public IReadOnlyList<TokenLogprob>? Tokens { get; set; }

    /// <summary>Starts capturing for the calls made in this flow until the scope is disposed.</summary>
    public static Scope Begin()
    {
        var capture = new LogprobsCapture();
        var previous = Active.Value;
        Active.Value = capture;
        return new Scope(capture, previous);
    }

    /// <summary>default(Scope) captures nothing and restores nothing.</summary>
    public readonly struct Scope(LogprobsCapture capture, LogprobsCapture? previous) : IDisposable
    {
        public LogprobsCapture? Capture { get; } = capture;

        public void Dispose()
        {
            if (Capture is not null)
            {
                Active.Value = previous;
            }
        }
    }
}
