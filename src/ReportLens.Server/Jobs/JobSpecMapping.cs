using ReportLens.Jobs.Control;
using ReportLens.Server.Analysis;

namespace ReportLens.Server.Jobs;

internal static class JobSpecMapping
{
    /// <summary>The spec every item of a job runs, or null when the options had errors.</summary>
    public static JobSpec? ToJobSpec(this ParsedAnalysisOptions parsed, IAnalysisOptions options) =>
        parsed.Errors.Count > 0
            ? null
            : new JobSpec(parsed.Type, parsed.UserPrompt, parsed.Engine, options.Model?.Trim(), options.Temperature, parsed.BypassCache);
}
