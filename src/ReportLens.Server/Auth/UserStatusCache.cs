using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ReportLens.Data;

namespace ReportLens.Server.Auth;

/// <summary>
/// Whether a signed-in user is still active, and their current role, checked on every request. Answers are kept a
/// few seconds so a request does not pay a database round trip; a change made through this process is forgotten at
/// once, another process sees it within <see cref="Lifetime"/>.
/// </summary>
public sealed class UserStatusCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<UserStatus?> GetAsync(int id, ReportLensDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(id), out UserStatus? known))
        {
            return known;
        }

        // Two columns, untracked: the request's DbContext has no use for the user row (password hash included).
        var status = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserStatus(u.IsActive, u.Role))
            .SingleOrDefaultAsync(ct);
        cache.Set(Key(id), status, Lifetime);
        return status;
    }

    public void Forget(int id) => cache.Remove(Key(id));

    private static string Key(int id) => $"user-status:{id}";
}
