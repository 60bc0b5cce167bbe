namespace ReportLens.Application.Outbox;

/// <summary>The outbox's retry delays: the first retry after <c>first</c>, each further one doubled, at most <c>max</c>.</summary>
public static class Backoff
{
    public static TimeSpan Delay(double firstSeconds, double maxSeconds, int attempt) =>
        TimeSpan.FromSeconds(Math.Min(maxSeconds, firstSeconds * Math.Pow(2, Math.Max(0, attempt - 1))));
}
