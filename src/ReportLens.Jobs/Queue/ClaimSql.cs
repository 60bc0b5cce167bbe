namespace ReportLens.Jobs.Queue;

/// <summary>
/// The claim statement per provider. Both take due items of active jobs — pending ones whose retry time has
/// come, and running ones whose lease expired (their worker died) — in job order, and mark them as ours. A run
/// that ended with its worker counts as an attempt, so an item that keeps killing its worker stops at MaxAttempts.
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
        SET "State" = 'running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "StartedAt" = @now,
            "Attempts" = t."Attempts" + CASE WHEN t."State" = 'running' THEN 1 ELSE 0 END
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
        SET "State" = 'running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @expires, "StartedAt" = @now,
            "Attempts" = "Attempts" + CASE WHEN "State" = 'running' THEN 1 ELSE 0 END
        WHERE "Id" IN (SELECT i."Id" FROM job_items AS i JOIN jobs AS j ON j."Id" = i."JobId"
                       WHERE {Due}
                       ORDER BY i."JobId", i."Id" LIMIT @limit)
        RETURNING "Id", "JobId", "ReportId", "Attempts"
        """;
}
