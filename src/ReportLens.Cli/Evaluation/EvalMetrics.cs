using System.Globalization;
using ReportLens.Core.Evaluation;
using Spectre.Console;

namespace ReportLens.Cli.Evaluation;

/// <summary>The comparison rows of `eval`: a name, how to read it off a report, and how to print it.</summary>
public static class EvalMetrics
{
    public sealed record Metric(string Name, Func<EvaluationReport, double?> Value, bool IsFraction = true, bool HigherIsBetter = true, string? Detail = null)
    {
        public string Format(EvaluationReport report) => Value(report) is { } v
            ? IsFraction ? v.ToString("0.000", CultureInfo.InvariantCulture) : v.ToString("0.#", CultureInfo.InvariantCulture)
            : "–";
    }

    public static IReadOnlyList<Metric> All { get; } =
    [
        .. Evaluator.Dimensions.Select(d => new Metric($"classification: {d}", r => r.Classification.FirstOrDefault(c => c.Dimension == d)?.Accuracy)),
        new("highlight span F1 (exact)", r => r.HighlightExact.F1),
        new("highlight span P (exact)", r => r.HighlightExact.Precision),
        new("highlight span R (exact)", r => r.HighlightExact.Recall),
        new("highlight span F1 (overlap)", r => r.HighlightOverlap.F1),
        new("highlight span P (overlap)", r => r.HighlightOverlap.Precision),
        new("highlight span R (overlap)", r => r.HighlightOverlap.Recall),
        new("extraction F1: findings", r => r.Findings.F1),
        new("extraction F1: measurements", r => r.Measurements.F1),
        new("extraction F1: measurement values", r => r.MeasurementValues.F1),
        new("extraction F1: locations", r => r.Locations.F1),
        new("normal/abnormal accuracy", r => r.NormalAbnormal.Total == 0 ? null : r.NormalAbnormal.Accuracy),
        new("危急 precision (reports)", r => r.CriticalReports.Precision),
        new("危急 recall (reports)", r => r.CriticalReports.Recall),
        new("CheXpert accuracy (mean of 14)", r => r.Chexpert.MeanAccuracy),
        new("CheXpert positive F1 (macro)", r => r.Chexpert.MacroF1Positive),
        new("negation accuracy", r => r.Negation.Accuracy),
        new("negation coverage", r => r.Negation.Coverage),
        new("confidence ECE", r => r.Calibration.Count == 0 ? null : r.Calibration.ExpectedCalibrationError, HigherIsBetter: false),
        new("grounded fraction", r => r.GroundedFraction),
        new("schema-failure rate", r => r.SchemaFailureRate, HigherIsBetter: false),
        new("latency p50 (ms)", r => r.LatencyP50Ms, IsFraction: false, HigherIsBetter: false),
        new("latency p95 (ms)", r => r.LatencyP95Ms, IsFraction: false, HigherIsBetter: false),
        new("tokens/s", r => r.TokensPerSecond, IsFraction: false),
    ];

    /// <summary>The metrics charted in the HTML report (fractions on a 0–1 axis, then latency).</summary>
    public static IReadOnlyList<Metric> Charted { get; } =
    [
        new("classification accuracy (mean of 5 dimensions)", r => r.Classification.Count == 0 ? 0 : r.Classification.Average(c => c.Accuracy)),
        All.Single(m => m.Name == "highlight span F1 (overlap)"),
        All.Single(m => m.Name == "highlight span F1 (exact)"),
        All.Single(m => m.Name == "extraction F1: findings"),
        All.Single(m => m.Name == "extraction F1: measurement values"),
        All.Single(m => m.Name == "negation accuracy"),
        All.Single(m => m.Name == "grounded fraction"),
        All.Single(m => m.Name == "schema-failure rate"),
        All.Single(m => m.Name == "latency p50 (ms)"),
    ];

    /// <summary>The reliability table of one run: confidence bins against how often the items were right.</summary>
    public static Table ReliabilityTable(string label, ReliabilityTable calibration)
    {
        var table = new Table()
            .Title(Markup.Escape($"{label}: item confidence vs correctness ({calibration.Count} items, ECE {calibration.ExpectedCalibrationError.ToString("0.000", CultureInfo.InvariantCulture)})"))
            .AddColumn("confidence").AddColumn(new TableColumn("items").RightAligned())
            .AddColumn(new TableColumn("mean confidence").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
        foreach (var bin in calibration.Bins.Where(b => b.Count > 0))
        {
            table.AddRow(
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{bin.Lower:0.0}, {bin.Upper:0.0}{(bin.Upper >= 1 ? "]" : ")")}")),
                bin.Count.ToString(CultureInfo.InvariantCulture),
                bin.MeanConfidence.ToString("0.000", CultureInfo.InvariantCulture),
                bin.Accuracy.ToString("0.000", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
