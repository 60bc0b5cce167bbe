using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

public sealed class ImportTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ImportJsonl_GoodFile_StoresEveryReportWithFields()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("reports.jsonl",
            """
            {"accession_number":"A1","report_content":"胸部CT平扫：右肺上叶见一结节。","modality":"CT","body_part":"胸部","exam_date":"2024-03-01"}

            {"id":2,"text":"Chest X-ray: no consolidation.","language":"en"}
            """);

        var result = await _workspace.RunAsync("import", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 created", result.Stderr);
        await using var db = _workspace.Open();
        var reports = await db.Reports.OrderBy(r => r.AccessionNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["2", "A1"], reports.Select(r => r.AccessionNumber));
        Assert.Equal("en", reports[0].Language);
        Assert.Equal("zh", reports[1].Language);
        Assert.Equal(new DateOnly(2024, 3, 1), reports[1].ExamDate);
        Assert.Equal("胸部", reports[1].BodyPart);
    }

    [Fact]
    public async Task ImportJsonl_BadJsonAtLine3_ExitsOneNamesLineAndImportsNothing()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("bad.jsonl",
            """
            {"accession_number":"A1","report_content":"报告一"}
            {"accession_number":"A2","report_content":"报告二"}
            {"accession_number":"A3","report_content":
            {"accession_number":"A4","report_content":"报告四"}
            """);

        var result = await _workspace.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Stderr);
        Assert.DoesNotContain("报告", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(0, await _workspace.CountReportsAsync());
    }

    [Fact]
    public async Task ImportJsonl_SkipBad_ImportsGoodRowsAndListsBadOnes()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("bad.jsonl",
            """
            {"accession_number":"A1","report_content":"报告一"}
            {"accession_number":"A2"}
            not json
            {"accession_number":"A4","report_content":"报告四","exam_date":"2024-13-45"}
            {"accession_number":"A5","report_content":"报告五"}
            """);

        var result = await _workspace.RunAsync("import", file, "--skip-bad");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("line 2", result.Stderr);
        Assert.Contains("line 3", result.Stderr);
        Assert.Contains("line 4", result.Stderr);
        Assert.Contains("3 bad row(s) skipped", result.Stderr);
        Assert.Equal(2, await _workspace.CountReportsAsync());
    }

    [Fact]
    public async Task ImportJsonl_SameFileTwice_SecondRunReportsUnchanged()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("reports.jsonl", TestData.Jsonl(("A1", TestData.ChestCt), ("A2", TestData.HeadMri)));
        var first = await _workspace.RunAsync("import", file);
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await _workspace.RunAsync("import", file);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("0 created, 0 updated, 2 unchanged", second.Stderr);
        Assert.Equal(2, await _workspace.CountReportsAsync());

        var changed = _workspace.Write("changed.jsonl", TestData.Jsonl(("A1", TestData.ChestCt + "补充。")));
        var third = await _workspace.RunAsync("import", changed);
        Assert.Contains("0 created, 1 updated, 0 unchanged", third.Stderr);
        await using var db = _workspace.Open();
        var report = await db.Reports.SingleAsync(r => r.AccessionNumber == "A1", TestContext.Current.CancellationToken);
        Assert.EndsWith("补充。", report.ReportContent);
    }

    [Fact]
    public async Task ImportCsv_QuotedFieldsAndColumnMapping_ParsesRfc4180()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("reports.csv",
            "acc;Befund;Mod;Datum\r\n"
            + "C1;\"第一行\n第二行; 含分号\";CT;2024-01-02\r\n"
            + "C2;\"He said \"\"no nodule\"\"\";MRI;\r\n");

        var result = await _workspace.RunAsync("import", file, "--delimiter", ";", "--map-text", "Befund",
            "--map-accession", "acc", "--map-modality", "Mod", "--map-date", "Datum");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = _workspace.Open();
        var reports = await db.Reports.OrderBy(r => r.AccessionNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, reports.Count);
        Assert.Equal("第一行\n第二行; 含分号", reports[0].ReportContent);
        Assert.Equal(new DateOnly(2024, 1, 2), reports[0].ExamDate);
        Assert.Equal("He said \"no nodule\"", reports[1].ReportContent);
        Assert.Equal("MRI", reports[1].Modality);
    }

    [Fact]
    public async Task ImportCsv_RowWithWrongFieldCount_ReportsItsLineAndImportsNothing()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("reports.csv", "accession_number,report_content\nX1,\"多行\n报告\"\nX2,a,b\n");

        var result = await _workspace.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 4", result.Stderr);
        Assert.Equal(0, await _workspace.CountReportsAsync());
    }

    [Fact]
    public async Task ImportCsv_UnknownMappedColumn_FailsWithOneLine()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("reports.csv", "accession_number,report_content\nX1,abc\n");

        var result = await _workspace.RunAsync("import", file, "--map-text", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no column \"nope\"", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task ImportTxtFolder_UsesFileNameAsAccessionNumber()
    {
        await _workspace.CreateDatabaseAsync();
        _workspace.Write("txt/R100.txt", TestData.ChestCt);
        _workspace.Write("txt/R200.txt", TestData.EnglishXray);
        _workspace.Write("txt/empty.txt", "  ");

        var strict = await _workspace.RunAsync("import", _workspace.Path("txt"));
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("empty.txt", strict.Stderr);

        var result = await _workspace.RunAsync("import", _workspace.Path("txt"), "--skip-bad");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = _workspace.Open();
        var reports = await db.Reports.OrderBy(r => r.AccessionNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["R100", "R200"], reports.Select(r => r.AccessionNumber));
        Assert.Equal("en", reports[1].Language);
    }

    [Fact]
    public async Task ImportFhir_BundleWithPresentedFormAndConclusion_ReadsTextAccessionAndCodes()
    {
        await _workspace.CreateDatabaseAsync();
        var text = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TestData.ChestCt));
        var file = _workspace.Write("bundle.json", $$"""
            {
              "resourceType": "Bundle", "type": "collection",
              "entry": [
                { "resource": {
                    "resourceType": "DiagnosticReport", "status": "final",
                    "identifier": [ { "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "ACSN" } ] }, "value": "F-1" } ],
                    "category": [ { "coding": [ { "system": "http://dicom.nema.org/resources/ontology/DCM", "code": "CT" } ] } ],
                    "code": { "coding": [ { "system": "http://loinc.org", "code": "18748-4" } ] },
                    "effectiveDateTime": "2024-05-06T10:00:00Z",
                    "presentedForm": [ { "contentType": "text/plain", "data": "{{text}}" } ] } },
                { "resource": {
                    "resourceType": "DiagnosticReport", "status": "final",
                    "identifier": [ { "value": "F-2" } ],
                    "code": { "text": "Chest X-ray" },
                    "conclusion": "No acute cardiopulmonary abnormality." } },
                { "resource": { "resourceType": "Patient", "id": "p1" } }
              ]
            }
            """);

        var result = await _workspace.RunAsync("import", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = _workspace.Open();
        var reports = await db.Reports.OrderBy(r => r.AccessionNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, reports.Count);
        Assert.Equal(TestData.ChestCt, reports[0].ReportContent);
        Assert.Equal("CT", reports[0].Modality);
        Assert.Equal(new DateOnly(2024, 5, 6), reports[0].ExamDate);
        Assert.Equal("No acute cardiopulmonary abnormality.", reports[1].ReportContent);
    }

    [Fact]
    public async Task ImportFhir_InvalidResource_ExitsOneWithOneLine()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("bad.json", """{ "resourceType": "DiagnosticReport", "status": "nonsense-status", "code": 5 }""");

        var result = await _workspace.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.json", result.Stderr);
        Assert.Equal(0, await _workspace.CountReportsAsync());
    }

    [Fact]
    public async Task ImportFhirNdjson_BulkExportLines_ReadsEachResourceAndNamesBadLines()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("DiagnosticReport.ndjson", string.Join('\n',
            """{"resourceType":"DiagnosticReport","status":"final","code":{"text":"CT"},"identifier":[{"value":"N1"}],"conclusion":"Normal study."}""",
            """{"resourceType":"Observation","status":"final","code":{"text":"x"}}""",
            """{"resourceType":"DiagnosticReport","status":"final","code":{"text":"CT"},"identifier":[{"value":"N2"}],"conclusion":"Small nodule."}""",
            """{"resourceType":"DiagnosticReport","status":"final","code":"""));

        var strict = await _workspace.RunAsync("import", file);
        var lenient = await _workspace.RunAsync("import", file, "--skip-bad");

        Assert.Equal(1, strict.ExitCode);
        Assert.DoesNotContain("line 2", strict.Stderr);
        Assert.Contains("line 4", strict.Stderr);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Equal(2, await _workspace.CountReportsAsync());
    }
}
