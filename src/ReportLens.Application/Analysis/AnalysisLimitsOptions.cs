using System.ComponentModel.DataAnnotations;

namespace ReportLens.Application.Analysis;

/// <summary>The "Analysis" section: bounds on what one analysis may produce (validated at start-up).</summary>
public sealed class AnalysisLimitsOptions
{
    public const string Section = "Analysis";

    /// <summary>
    /// Most items in each list of one annotation (highlights, findings, measurements, locations); more are cut and
    /// the content is marked <c>truncated</c>. Bounds grounding, merging, storage and display of a huge report.
    /// </summary>
    [Range(10, 100_000)]
    public int MaxItemsPerAnnotation { get; set; } = 1000;
}
