namespace ReportLens.Application.Audit;

/// <summary>Who calls a use case, through which door and from where: what an audit record names.</summary>
public sealed record Actor(int? UserId, string? Username, string? Role, Door Door, string? ClientAddress)
{
    /// <summary>The command line works on the database directly: the operating-system user, from "local".</summary>
    public static Actor CommandLine() => new(null, $"cli:{Environment.UserName}", "cli", Door.Cli, "local");

    /// <summary>A job's worker acts for the user who created the job.</summary>
    public static Actor ForJob(long jobId, int? createdBy) => new(createdBy, $"job:{jobId}", "job", Door.Job, null);
}
