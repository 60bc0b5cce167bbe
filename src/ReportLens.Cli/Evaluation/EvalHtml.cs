using System.Globalization;
using System.Net;
using System.Text;
using ReportLens.Core.Evaluation;

namespace ReportLens.Cli.Evaluation;

/// <summary>A self-contained HTML report: the comparison table and one inline SVG bar chart per key metric; no external assets.</summary>
public static class EvalHtml
{
    private static readonly string[] Colours = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4b5563"];

    public static string Render(string goldName, int reportCount, IReadOnlyList<EvalRun> runs, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ReportLens evaluation</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;margin:1rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append(".best{font-weight:bold;background:#ecfdf5}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}")
            .Append("figcaption{font-size:.9rem;margin-bottom:.3rem}</style></head><body>")
            .Append("<h1>ReportLens evaluation</h1><p>Gold file <code>").Append(E(goldName)).Append("</code>, ")
            .Append(reportCount.ToString(CultureInfo.InvariantCulture)).Append(" reports; generated ")
            .Append(E(generatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(". Metrics are defined in docs/evaluation.md.</p>");
        AppendTable(html, runs);
        html.Append("<h2>Charts</h2><div class=\"charts\">");
        var scored = runs.Where(r => r.Report is not null).ToList();
        foreach (var metric in EvalMetrics.Charted)
        {
            AppendChart(html, metric, scored);
        }

        html.Append("</div></body></html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<EvalRun> runs)
    {
        html.Append("<table><thead><tr><th>metric</th>");
        foreach (var run in runs)
        {
            html.Append("<th>").Append(E(run.Label)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var metric in EvalMetrics.All)
        {
            var values = runs.Select(r => r.Report is null ? null : metric.Value(r.Report)).ToList();
            var best = values.OfType<double>().DefaultIfEmpty().Aggregate((a, b) => metric.HigherIsBetter ? Math.Max(a, b) : Math.Min(a, b));
            html.Append("<tr><td>").Append(E(metric.Name)).Append("</td>");
            for (var i = 0; i < runs.Count; i++)
            {
                var cell = runs[i].Report is { } report ? metric.Format(report) : "not run";
                var isBest = runs.Count > 1 && values[i] is { } v && v == best;
                html.Append(isBest ? "<td class=\"best\">" : "<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        foreach (var run in runs.Where(r => r.Error is not null))
        {
            html.Append("<p>").Append(E(run.Label)).Append(": not run (").Append(E(run.Error!)).Append(")</p>");
        }
    }

    private static void AppendChart(StringBuilder html, EvaluationMetric metric, IReadOnlyList<EvalRun> runs)
    {
        const int BarHeight = 22, LabelWidth = 160, PlotWidth = 260;
        var values = runs.Select(r => metric.Value(r.Report!) ?? 0).ToList();
        var scale = metric.IsFraction ? 1.0 : Math.Max(1e-9, values.DefaultIfEmpty(0).Max());
        var height = Math.Max(1, runs.Count) * (BarHeight + 6) + 10;
        html.Append("<figure><figcaption>").Append(E(metric.Name)).Append("</figcaption>")
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + PlotWidth + 70}\" height=\"{height}\" role=\"img\" aria-label=\"{E(metric.Name)}\">");
        for (var i = 0; i < runs.Count; i++)
        {
            var y = 5 + i * (BarHeight + 6);
            var width = Math.Max(0, values[i] / scale * PlotWidth);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{E(runs[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width:0.0}\" height=\"{BarHeight}\" fill=\"{Colours[i % Colours.Length]}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 4:0.0}\" y=\"{y + 15}\" font-size=\"12\">{E(metric.Format(runs[i].Report!))}</text>");
        }

        html.Append("</svg></figure>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
