namespace ReportLens.Jobs.Queue;

/// <summary>
/// The claim statement per provider. Both take due items of active jobs — pending ones whose retry time has
/// come, and running ones whose lease expired (their worker died) — in job order, and mark them as ours.
/// </summary>
internal static class ClaimSql
{
    private const string Due = """
        j."Status" IN ('queued', 'running')
          AND ((i."State" = 'pending' AND (i."NextAttemptAt" IS NULL OR i."NextAttemptAt" <= @now))
            OR (i."State" = 'running' AND i."LeaseExpiresAt" < @now))
        """;

    /// <summary>PostgreSQL: concurrent claimers skip each other's locked rows instead of waiting or doubling up.</summary>
    public const string Postgres = $"""
        UPDATE job_items AS t
        SET "State" = 'running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "StartedAt" = @now
        FROM (SELECT i."Id" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
              WHERE {Due}
              ORDER BY i."JobId", i."Id" LIMIT @limit
              FOR UPDATE OF i SKIP LOCKED) AS c
        WHERE t."Id" = c."Id"
        RETURNING t."Id", t."JobId", t."ReportId", t."Attempts"
        """;

    /// <summary>SQLite: one statement under the database's single write lock is the single claimer.</summary>
    public const string Sqlite = $"""
        UPDATE job_items
        SET "State" = 'running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "StartedAt" = @now
        WHERE "Id" IN (SELECT i."Id" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
                       WHERE {Due}
                       ORDER BY i."JobId", i."Id" LIMIT @limit)
        RETURNING "Id", "JobId", "ReportId", "Attempts"
        """;
}
