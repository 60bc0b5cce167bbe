using System.Globalization;
using ReportLens.Core.Evaluation;
using Spectre.Console;

namespace ReportLens.Cli.Evaluation;

/// <summary>How `eval` prints Core's figures (<see cref="Evaluator.Score"/>): the comparison table, per-class figures, reliability tables.</summary>
public static class EvalMetrics
{
    public static IReadOnlyList<EvaluationMetric> All => EvaluationMetrics.All;

    public static IReadOnlyList<EvaluationMetric> Charted => EvaluationMetrics.Charted;

    /// <summary>A table cell: the value, and its bootstrap interval when it has one ("0.833 [0.600, 1.000]").</summary>
    public static string Cell(EvaluationMetric metric, MetricFigure? figure) => figure is null
        ? "–"
        : figure.Interval is { } ci
            ? $"{metric.FormatValue(figure.Value)} [{metric.FormatValue(ci.Low)}, {metric.FormatValue(ci.High)}]"
            : metric.FormatValue(figure.Value);

    /// <summary>Per class of each classification dimension: precision, recall, F1 and counts, one column group per run.</summary>
    public static Table PerClassTable(IReadOnlyList<EvalRun> runs)
    {
        var table = new Table().Title("per class (report level): P / R / F1 (gold n)").AddColumn("dimension").AddColumn("class");
        var scored = runs.Where(r => r.Figures is not null).ToList();
        foreach (var run in scored)
        {
            table.AddColumn(new TableColumn(Markup.Escape(run.Label)).RightAligned());
        }

        var keys = scored.SelectMany(r => r.Figures!.PerClass.Select(c => (c.Dimension, c.Class))).Distinct().ToList();
        foreach (var (dimension, category) in keys)
        {
            table.AddRow([Markup.Escape(dimension), Markup.Escape(category), .. scored.Select(r =>
                r.Figures!.PerClass.FirstOrDefault(c => c.Dimension == dimension && c.Class == category)?.Score is { } s
                    ? string.Create(CultureInfo.InvariantCulture, $"{s.Precision:0.000} / {s.Recall:0.000} / {s.F1:0.000} ({s.Gold})")
                    : "–")]);
        }

        return table;
    }

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
