using System.Globalization;

namespace ReportLens.Core.Evaluation;

/// <summary>One row of the comparison table: a name, how to read it off a report, and how to print it.</summary>
public sealed record EvaluationMetric(string Name, Func<EvaluationReport, double?> Value, bool IsFraction = true, bool HigherIsBetter = true, string? Detail = null)
{
    public string Format(EvaluationReport report) => FormatValue(Value(report));

    public string FormatValue(double? value) => value is { } v
        ? IsFraction ? v.ToString("0.000", CultureInfo.InvariantCulture) : v.ToString("0.#", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>Whether a bootstrap interval means something for it: fractions yes; latency and throughput are not resampled.</summary>
    public bool HasInterval => IsFraction;
}
