namespace ReportLens.Cli.LoadTest;

/// <summary>What one load-test request hits: the ReportLens server's analyze-text, or Ollama's /api/chat directly.</summary>
public interface ILoadTarget : IDisposable
{
    string Label { get; }

    /// <summary>Sends request number <paramref name="index"/> and reads what it cost; throws on failure.</summary>
    Task<LoadSample> SendAsync(int index, CancellationToken cancellationToken);
}
