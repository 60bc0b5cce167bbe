using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using Task = System.Threading.Tasks.Task;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Fhir;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ExportJsonl_AllAnnotations_WritesOneLinePerAnnotationWithItsReport()
    {
        await _workspace.CreateDatabaseAsync();
        await Seed.ReportsWithAnnotationsAsync(_workspace);

        var result = await _workspace.RunAsync("export", "--format", "jsonl", "--output", _workspace.Path("out.jsonl"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(_workspace.Path("out.jsonl"));
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("extraction", first.RootElement.GetProperty("annotation_type").GetString());
        Assert.Equal("E1", first.RootElement.GetProperty("report").GetProperty("accession_number").GetString());
        Assert.Equal(TestData.ChestCt, first.RootElement.GetProperty("report").GetProperty("report_content").GetString());
        Assert.Equal("1.2", first.RootElement.GetProperty("content").GetProperty("measurements")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task ExportJsonl_TypeSinceAndReportFilters_SelectMatchingAnnotations()
    {
        await _workspace.CreateDatabaseAsync();
        var reports = await Seed.ReportsWithAnnotationsAsync(_workspace);

        var byType = await _workspace.RunAsync("export", "--format", "jsonl", "--type", "classification", "--output", _workspace.Path("a.jsonl"));
        var bySince = await _workspace.RunAsync("export", "--format", "jsonl", "--since", "2025-06-15", "--output", _workspace.Path("b.jsonl"));
        var byReport = await _workspace.RunAsync("export", "--format", "jsonl", "--report-id", reports[1].Id.ToString(), "--output", _workspace.Path("c.jsonl"));

        Assert.True(byType.ExitCode + bySince.ExitCode + byReport.ExitCode == 0, byType + "\n" + bySince + "\n" + byReport);
        Assert.Single(File.ReadAllLines(_workspace.Path("a.jsonl")));
        Assert.Single(File.ReadAllLines(_workspace.Path("b.jsonl")));
        Assert.Contains("\"E2\"", File.ReadAllLines(_workspace.Path("c.jsonl")).Single());
    }

    [Fact]
    public async Task ExportCsv_ContentWithCommasAndNewlines_ParsesBackToSameFields()
    {
        await _workspace.CreateDatabaseAsync();
        await Seed.ReportsWithAnnotationsAsync(_workspace);

        var result = await _workspace.RunAsync("export", "--format", "csv", "--output", _workspace.Path("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var reader = new StreamReader(_workspace.Path("out.csv"));
        var records = new List<CsvRecord>();
        await foreach (var record in CsvParser.ReadAsync(reader, ',', TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        Assert.Equal(4, records.Count);
        Assert.Equal("annotation_id", records[0].Fields[0]);
        var contentColumn = records[0].Fields.ToList().IndexOf("content");
        var textColumn = records[0].Fields.ToList().IndexOf("report_content");
        Assert.Equal(TestData.ChestCt, records[1].Fields[textColumn]);
        using var content = JsonDocument.Parse(records[1].Fields[contentColumn]);
        Assert.Equal("右肺上叶结节，建议随访", content.RootElement.GetProperty("impression").GetString());
    }

    [Fact]
    public async Task ExportFhir_Bundle_ParsesWithFirelyAndHasObservationsWithUcumQuantities()
    {
        await _workspace.CreateDatabaseAsync();
        await Seed.ReportsWithAnnotationsAsync(_workspace);

        var result = await _workspace.RunAsync("export", "--format", "fhir", "--output", _workspace.Path("out.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var bundle = Assert.IsType<Bundle>(FhirJson.Parse(File.ReadAllText(_workspace.Path("out.json"))));
        Assert.Empty(bundle.Validate());
        Assert.Empty(FhirProfileValidator.Errors(bundle));
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var reports = bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().ToList();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, r.Status));
        Assert.All(reports, r => Assert.NotNull(r.Code));
        var chest = reports.Single(r => r.Identifier.Any(i => i.Value == "E1"));
        Assert.Equal("右肺上叶结节，建议随访", chest.Conclusion);
        Assert.Equal(4, chest.Result.Count);
        var observations = bundle.Entry.Where(e => chest.Result.Any(r => r.Reference == e.FullUrl)).Select(e => (Observation)e.Resource!).ToList();
        var quantity = observations.Select(o => o.Value).OfType<Quantity>().Single();
        Assert.Equal(1.2m, quantity.Value);
        Assert.Equal("http://unitsofmeasure.org", quantity.System);
        Assert.Equal("cm", quantity.Code);
        Assert.Contains(observations, o => o.Value is FhirString { Value: "1.2cm×0.8cm" });
        Assert.Contains(observations, o => o.Interpretation.Any(i => i.Coding.Any(c => c.Code == "NEG")));
        Assert.All(observations, o => Assert.Equal(ObservationStatus.Final, o.Status));
    }

    [Fact]
    public async Task ExportFhirThenImport_FreshDatabase_KeepsEveryReportAndAnnotation()
    {
        await _workspace.CreateDatabaseAsync();
        await Seed.ReportsWithAnnotationsAsync(_workspace);
        var exported = await _workspace.RunAsync("export", "--format", "fhir", "--output", _workspace.Path("out.json"));
        Assert.True(exported.ExitCode == 0, exported.ToString());

        using var fresh = new Workspace();
        await fresh.CreateDatabaseAsync();
        var imported = await fresh.RunAsync("import", _workspace.Path("out.json"));

        Assert.True(imported.ExitCode == 0, imported.ToString());
        await RoundTrip.AssertSameReportsAndAnnotationsAsync(_workspace, fresh);
        var again = await fresh.RunAsync("import", _workspace.Path("out.json"));
        Assert.Contains("3 unchanged; 0 annotation(s) added", again.Stderr);
    }

    [Fact]
    public async Task ExportJsonlThenImport_FreshDatabase_KeepsEveryAnnotation()
    {
        await _workspace.CreateDatabaseAsync();
        await Seed.ReportsWithAnnotationsAsync(_workspace);
        var exported = await _workspace.RunAsync("export", "--format", "jsonl", "--output", _workspace.Path("out.jsonl"));
        Assert.True(exported.ExitCode == 0, exported.ToString());

        using var fresh = new Workspace();
        await fresh.CreateDatabaseAsync();
        var imported = await fresh.RunAsync("import", _workspace.Path("out.jsonl"));

        Assert.True(imported.ExitCode == 0, imported.ToString());
        await using var db = fresh.Open();
        Assert.Equal(3, await db.Annotations.CountAsync(TestContext.Current.CancellationToken));
    }
}
