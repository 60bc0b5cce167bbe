using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>
/// Counts failed sign-ins per username and per client address; past the free failures each key is locked for an
/// exponentially growing time. Keyed by the name as typed (case-folded), whether or not such a user exists, so
/// the answer does not tell which accounts exist. In memory: a restart forgets, several servers count apart.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider time)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? username, IPAddress? client)
    {
        var now = time.GetUtcNow();
        var wait = new[] { AccountKey(username), ClientKey(client) }
            .Select(k => k is not null && _failures.TryGetValue(k, out var f) ? f.LockedUntil - now : TimeSpan.Zero)
            .Max();
        return wait > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)) : null;
    }

    public void Failed(string? username, IPAddress? client)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        Count(AccountKey(username), o.FailuresPerAccount, now);
        Count(ClientKey(client), o.FailuresPerClient, now);
    }

    public void Succeeded(string? username)
    {
        if (AccountKey(username) is { } key)
        {
            _failures.TryRemove(key, out _);
        }
    }

    private void Count(string? key, int free, DateTimeOffset now)
    {
        if (key is null)
        {
            return;
        }

        var o = options.Value;
        var forget = TimeSpan.FromMinutes(o.ForgetAfterMinutes);
        if (_failures.Count >= MaxEntries)
        {
            Prune(now, forget);
        }

        _failures.AddOrUpdate(key, _ => Next(new Failures(0, now, now), free, now), (_, f) =>
            Next(now - f.Last > forget && f.LockedUntil <= now ? new Failures(0, now, now) : f, free, now));
    }

    private Failures Next(Failures f, int free, DateTimeOffset now)
    {
        var o = options.Value;
        var count = f.Count + 1;
        if (count < free)
        {
            return new Failures(count, now, f.LockedUntil);
        }

        var doublings = Math.Min(count - free, 30);
        var seconds = Math.Min((double)o.LockoutSeconds * Math.Pow(2, doublings), o.MaxLockoutSeconds);
        return new Failures(count, now, now + TimeSpan.FromSeconds(seconds));
    }

    private void Prune(DateTimeOffset now, TimeSpan forget)
    {
        foreach (var (key, f) in _failures)
        {
            if (f.LockedUntil <= now && now - f.Last > forget / 4)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string? AccountKey(string? username) =>
        string.IsNullOrWhiteSpace(username) ? null : "u:" + Usernames.Normalize(username[..Math.Min(username.Length, 4 * Usernames.MaxLength)]).ToUpperInvariant();

    private static string? ClientKey(IPAddress? client) => client is null ? null : "c:" + client;

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
