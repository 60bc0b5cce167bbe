namespace ReportLens.Jobs.Queue;

/// <summary>
/// The statements that end every item, as plain SQL for both providers: through LINQ, EF Core rebuilt and hashed
/// their expression trees on every call (about a fifth of the job path's CPU per item), and EF Core 10 cannot
/// precompile ExecuteUpdate.
/// </summary>
internal static class FinishSql
{
    /// <summary>Only while this worker still holds the lease: one that outlived it must not end another worker's run.</summary>
    public const string Item = """
        UPDATE job_items
        SET "State" = @state, "AnnotationId" = @annotation, "LastError" = COALESCE(@error, "LastError"),
            "FinishedAt" = @now, "LeaseExpiresAt" = NULL
        WHERE "Id" = @item AND "State" = 'running' AND "LeaseOwner" = @owner
        """;

    /// <summary>
    /// The job's counters, then the job itself when none of its items is pending or running. Two statements: the
    /// first takes the job row's lock, so concurrent finishers of one job take turns, and the second (a new snapshot
    /// on PostgreSQL) sees every item the others committed; the last finisher ends the job.
    /// </summary>
    public const string Job = """
        UPDATE jobs
        SET "Succeeded" = "Succeeded" + @succeeded, "Failed" = "Failed" + @failed,
            "PromptTokens" = "PromptTokens" + @prompt, "OutputTokens" = "OutputTokens" + @output,
            "ThinkingTokens" = "ThinkingTokens" + @thinking, "UpdatedAt" = @now
        WHERE "Id" = @job;
        UPDATE jobs
        SET "Status" = CASE WHEN "Failed" > 0 THEN 'completed_with_errors' ELSE 'completed' END,
            "FinishedAt" = @now, "UpdatedAt" = @now
        WHERE "Id" = @job AND "Status" IN ('queued', 'running', 'paused')
          AND NOT EXISTS (SELECT 1 FROM job_items AS i WHERE i."JobId" = @job AND i."State" IN ('pending', 'running'))
        """;
}
