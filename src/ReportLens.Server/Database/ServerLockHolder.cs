using ReportLens.Data;
using ReportLens.Data.Backup;
using ReportLens.Application.Configuration;

namespace ReportLens.Server.Database;

/// <summary>
/// Holds the database's <see cref="ServerLock"/> (shared) while the server runs, so `reportlens db restore` refuses
/// to replace the data under it; a server does not start while a restore holds the lock.
/// </summary>
public sealed class ServerLockHolder(DatabaseSettings settings) : IHostedService, IAsyncDisposable
{
    private ServerLock? _lock;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _lock = await ServerLock.TryAcquireAsync(settings, exclusive: false, cancellationToken)
            ?? throw new ConfigurationException("the database is being restored (reportlens db restore holds its lock); start the server when the restore has finished");

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }
    }
}
