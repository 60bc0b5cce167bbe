namespace ReportLens.Application.Caching;

/// <summary>Entries stored and hits served; every entry was once a miss, so the hit rate is hits / (hits + entries).</summary>
public sealed record CacheStats(int Entries, long Hits)
{
    public double HitRate => Hits + Entries == 0 ? 0 : Math.Round((double)Hits / (Hits + Entries), 4);
}
