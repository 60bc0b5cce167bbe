using ReportLens.Data;

namespace ReportLens.Server.Tests.Backup;

/// <summary>Plays the running server: commits report+annotation+audit transactions back to back until stopped.</summary>
internal sealed class BackgroundWriter(DatabaseSettings settings) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _committed;

    /// <summary>Transactions known committed (a commit in flight may already be durable but not yet counted).</summary>
    public int Committed => Volatile.Read(ref _committed);

    public void Start() => _running = Task.Run(RunAsync);

    public async Task WaitForAsync(int commits, CancellationToken cancellationToken)
    {
        while (Committed < commits)
        {
            if (_running.IsCompleted)
            {
                await _running;
                throw new InvalidOperationException("the writer stopped early");
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            // The write itself is not cancelled: a transaction cut in half is not what a server does.
            await BackupTestData.WriteOneAsync(settings, Committed + 1, CancellationToken.None);
            Interlocked.Increment(ref _committed);
        }
    }
}
