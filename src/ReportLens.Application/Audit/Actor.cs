namespace ReportLens.Application.Audit;

/// <summary>Who calls a use case, through which door and from where: what an audit record names.</summary>
public sealed record Actor(int? UserId, string? Username, string? Role, Door Door, string? ClientAddress)
{
    /// <summary>The command line works on the database directly: the operating-system user, from "local".</summary>
    public static Actor CommandLine() => new(null, $"cli:{Environment.UserName}", "cli", Door.Cli, "local");

    /// <summary>The server itself on its first start (the admin it creates when there are no users).</summary>
    public static Actor FirstStart() => new(null, "system:first-start", "system", Door.Startup, "local");

    /// <summary>A job's worker acts for the user who created the job.</summary>
    public static Actor ForJob(long jobId, int? createdBy) => new(createdBy, $"job:{jobId}", "job", Door.Job, null);

    /// <summary>A system that sends HL7 messages: its sending application (MSH-3), from its network address.</summary>
    public static Actor ForHl7(string? sendingApplication, string? address)
    {
        var name = $"hl7:{sendingApplication ?? "unknown"}";
        return new(null, name.Length <= 100 ? name : name[..100], "hl7", Door.Hl7, address);
    }
}
