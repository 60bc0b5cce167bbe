using System.ComponentModel.DataAnnotations;

namespace ReportLens.Jobs;

/// <summary>The "Jobs" section: how workers claim, lease and retry job items.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this process runs a worker (a process may serve the API only).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Items this process runs at once. Unset: the pool's total slots × <see cref="SlotMultiplier"/>.</summary>
    [Range(1, 1024)]
    public int? Concurrency { get; set; }

    /// <summary>
    /// Items per pool slot when <see cref="Concurrency"/> is unset. Above 1, a few batch calls wait in the pool's
    /// queue, so a slot freed while the previous item is grounded and stored is taken at once; interactive calls
    /// still take freed slots first.
    /// </summary>
    [Range(1.0, 4.0)]
    public double SlotMultiplier { get; set; } = 1.5;

    /// <summary>Runs that may end in a transient failure before an item is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Seconds a claim holds an item; the worker renews it every third of that while the item runs.</summary>
    [Range(1, 3600)]
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>First retry delay; it doubles per attempt (with jitter) up to <see cref="BackoffMaxSeconds"/>.</summary>
    [Range(0.01, 3600)]
    public double BackoffBaseSeconds { get; set; } = 2;

    [Range(0.01, 86400)]
    public double BackoffMaxSeconds { get; set; } = 300;

    /// <summary>How long items wait when no LLM endpoint is reachable before the worker tries again.</summary>
    [Range(0.1, 600)]
    public double UnavailableWaitSeconds { get; set; } = 5;

    /// <summary>How often an idle worker looks for work created by another process.</summary>
    [Range(0.05, 60)]
    public double PollSeconds { get; set; } = 1;

    /// <summary>Milliseconds between progress events on /api/v1/jobs/{id}/events.</summary>
    [Range(50, 60000)]
    public int EventsIntervalMs { get; set; } = 1000;

    /// <summary>Reports one job may take (a filter selecting more is refused).</summary>
    [Range(1, 10_000_000)]
    public int MaxItemsPerJob { get; set; } = 100_000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
