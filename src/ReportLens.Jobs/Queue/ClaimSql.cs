namespace ReportLens.Jobs.Queue;

/// <summary>
/// The claim statement per provider. Both take due items of active jobs — pending ones whose retry time has
/// come, and running ones whose lease expired (their worker died) — in job order, and mark them as ours. A run
/// that ended with its worker counts as an attempt, so an item that keeps killing its worker stops at MaxAttempts.
/// </summary>
/// <remarks>
/// Each kind of due item is its own branch, read in (JobId, Id) order along the (State, JobId, Id) index and cut at
/// the limit, so a claim reads about as many rows as it takes. One condition with OR made SQLite collect every
/// pending item of every job and sort them all, on each claim: a 2,000-item job cost a full pass over its
/// remaining items per item claimed. Pending items of a paused job older than the running ones are still read past.
/// </remarks>
internal static class ClaimSql
{
    private const string Active = """j."Status" IN ('queued', 'running')""";

    private const string DuePending = """i."State" = 'pending' AND (i."NextAttemptAt" IS NULL OR i."NextAttemptAt" <= @now)""";

    private const string LeaseExpired = """i."State" = 'running' AND i."LeaseExpiresAt" < @now""";

    private const string Claim = """
        "State" = 'running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "StartedAt" = @now,
            "Attempts" = "Attempts" + CASE WHEN "State" = 'running' THEN 1 ELSE 0 END
        """;

    /// <summary>PostgreSQL: concurrent claimers skip each other's locked rows instead of waiting or doubling up.</summary>
    public const string Postgres = $"""
        WITH pending AS (
            SELECT i."Id", i."JobId" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
            WHERE {DuePending} AND {Active}
            ORDER BY i."JobId", i."Id" LIMIT @limit
            FOR UPDATE OF i SKIP LOCKED),
        expired AS (
            SELECT i."Id", i."JobId" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
            WHERE {LeaseExpired} AND {Active}
            ORDER BY i."JobId", i."Id" LIMIT @limit
            FOR UPDATE OF i SKIP LOCKED),
        due AS (
            SELECT "Id" FROM (SELECT * FROM pending UNION ALL SELECT * FROM expired) AS d
            ORDER BY "JobId", "Id" LIMIT @limit)
        UPDATE job_items AS t
        SET {Claim}
        FROM due
        WHERE t."Id" = due."Id"
        RETURNING t."Id", t."JobId", t."ReportId", t."Attempts"
        """;

    /// <summary>SQLite: one statement under the database's single write lock is the single claimer.</summary>
    public const string Sqlite = $"""
        UPDATE job_items
        SET {Claim}
        WHERE "Id" IN (
            SELECT "Id" FROM (
                SELECT "Id", "JobId" FROM (
                    SELECT i."Id", i."JobId" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
                    WHERE {DuePending} AND {Active}
                    ORDER BY i."JobId", i."Id" LIMIT @limit)
                UNION ALL
                SELECT "Id", "JobId" FROM (
                    SELECT i."Id", i."JobId" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
                    WHERE {LeaseExpired} AND {Active}
                    ORDER BY i."JobId", i."Id" LIMIT @limit))
            ORDER BY "JobId", "Id" LIMIT @limit)
        RETURNING "Id", "JobId", "ReportId", "Attempts"
        """;
}
