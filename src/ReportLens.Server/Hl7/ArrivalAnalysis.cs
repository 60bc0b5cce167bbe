using Microsoft.Extensions.Options;
using ReportLens.Jobs.Control;

namespace ReportLens.Server.Hl7;

/// <summary>
/// Queues the analyses the policy names for a report that just arrived: one durable job per annotation type,
/// through the jobs use case, so the job worker runs them like any batch and the UI shows them.
/// </summary>
public sealed class ArrivalAnalysis(JobService jobs, IOptions<Hl7Options> options)
{
    public async Task<IReadOnlyList<long>> QueueAsync(int reportId, string? modality, string? bodyPart, CancellationToken ct)
    {
        var rule = options.Value.Analysis.For(modality, bodyPart);
        var engine = rule.ParsedEngine();
        var jobIds = new List<long>();
        foreach (var type in rule.ParsedTypes())
        {
            var job = await jobs.CreateAsync(new JobSpec(type, "", engine), [reportId], filter: null, userId: null, ct);
            jobIds.Add(job.Id);
        }

        return jobIds;
    }
}
