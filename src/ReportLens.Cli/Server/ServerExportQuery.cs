using System.Globalization;
using System.Text.Json;
using ReportLens.Cli.Export;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Server;

/// <summary>
/// Export through a running server: pages through GET /api/v1/reports, then reads each report and its annotations
/// (the server audits every read), and applies the same filters as <see cref="ExportQuery"/>.
/// </summary>
public static class ServerExportQuery
{
    private const int PageSize = 200;

    public static async Task<List<(Report Report, List<Annotation> Annotations)>> LoadAsync(
        ServerClient client, ExportFilter filter, CancellationToken cancellationToken)
    {
        var ids = filter.ReportId is { } only ? [only] : await ListIdsAsync(client, cancellationToken);
        var result = new List<(Report, List<Annotation>)>();
        foreach (var id in ids)
        {
            var report = ToReport(await client.GetAsync($"api/v1/reports/{id}", cancellationToken));
            var annotations = (await client.GetAsync($"api/v1/reports/{id}/annotations", cancellationToken))
                .EnumerateArray()
                .Select(a => ToAnnotation(a, id))
                .Where(a => a.Status == AnnotationStatus.Succeeded
                    && (filter.Type is null || a.AnnotationType == filter.Type)
                    && (filter.Since is null || a.CreatedAt >= new DateTimeOffset(filter.Since.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
                .OrderBy(a => a.Id)
                .ToList();
            if (annotations.Count > 0 || !filter.FiltersAnnotations)
            {
                result.Add((report, annotations));
            }
        }

        return result;
    }

    private static async Task<List<int>> ListIdsAsync(ServerClient client, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetAsync($"api/v1/reports?page={page}&page_size={PageSize}", cancellationToken);
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            ids.AddRange(items);
            if (items.Count < PageSize || ids.Count >= body.GetProperty("total").GetInt32())
            {
                return [.. ids.Distinct().Order()];
            }
        }
    }

    private static Report ToReport(JsonElement r) => new()
    {
        Id = r.GetProperty("id").GetInt32(),
        AccessionNumber = JsonFields.String(r, "accession_number"),
        ReportContent = JsonFields.String(r, "report_content") ?? "",
        Modality = JsonFields.String(r, "modality"),
        BodyPart = JsonFields.String(r, "body_part"),
        ExamDate = JsonFields.String(r, "exam_date") is { } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null,
        Language = JsonFields.String(r, "language") ?? "zh",
        ContentHash = "",
    };

    private static Annotation ToAnnotation(JsonElement a, int reportId) => new()
    {
        Id = a.TryGetProperty("annotation_id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : 0,
        ReportId = reportId,
        AnnotationType = WireNames.Parse<AnnotationType>(JsonFields.String(a, "annotation_type") ?? ""),
        Engine = WireNames.Parse<EngineKind>(JsonFields.String(a, "engine") ?? ""),
        Status = JsonFields.String(a, "status") is { } status ? WireNames.Parse<AnnotationStatus>(status) : AnnotationStatus.Succeeded,
        ContentJson = a.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object ? content.GetRawText() : null,
        ModelName = JsonFields.String(a, "model_name") ?? "",
        Confidence = a.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
        GroundedFraction = a.TryGetProperty("grounded_fraction", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetDouble() : null,
        CreatedAt = JsonFields.String(a, "created_at") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : DateTimeOffset.UnixEpoch,
    };
}
