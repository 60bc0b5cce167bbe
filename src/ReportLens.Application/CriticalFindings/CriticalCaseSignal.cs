namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// Says, within this process, that a case opened or changed: wakes the webhook sender at once and refreshes open
/// Critical findings pages. Another process's cases are found by the sender's poll and the page's own refresh.
/// </summary>
public sealed class CriticalCaseSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public event Action? Changed;

    public void Raise()
    {
        Changed?.Invoke();
        Wake();
    }

    /// <summary>Wakes the outbox sender only (results were staged; no case changed).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the sender runs once for all of them.
        }
    }

    /// <summary>Waits until <see cref="Raise"/> or until <paramref name="timeout"/> passes on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _wake.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(woken, delay);
        await linked.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
