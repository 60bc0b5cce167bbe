using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using ReportLens.Application.Fhir;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Reviews;
using ReportLens.Testing;

namespace ReportLens.Server.Tests.Api;

/// <summary>
/// <c>GET /api/v1/reports/{id}/fhir</c>: the report and its latest annotations as a FHIR R4 Bundle that Firely's
/// validator accepts against the base profiles, with negation, uncertainty, UCUM quantities and evidence offsets.
/// </summary>
public abstract class ReportFhirTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    // The emoji before the findings makes code-point offsets differ from UTF-16 ones by one.
    private const string Text = "Note 😀 from the referrer.\nFindings: A 12 mm nodule in the right upper lobe. No pleural effusion. "
        + "Possible consolidation in the left lower lobe.\nImpression: Right upper lobe nodule.";

    [Fact]
    public async System.Threading.Tasks.Task Fhir_AnalysedReport_IsAValidBundleWithStatusInterpretationQuantityAndEvidence()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, Text + " " + Guid.NewGuid().ToString("N")[..6]);
        (await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "extraction", engine = "rules" }))
            .EnsureSuccessStatusCode();
        using var viewer = await App.ViewerAsync();

        var response = await viewer.GetAsync($"/api/v1/reports/{id}/fhir");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = Assert.IsType<Bundle>(FhirJson.Parse(await response.Content.ReadAsStringAsync()));
        Assert.Empty(FhirProfileValidator.Errors(bundle));
        var report = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>());
        var text = System.Text.Encoding.UTF8.GetString(report.PresentedForm[0].Data!);
        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();

        var nodule = Finding(observations, "nodule");
        Assert.Equal(ObservationStatus.Final, nodule.Status);
        Assert.Equal("A", nodule.Interpretation[0].Coding[0].Code);
        var effusion = Finding(observations, "pleural effusion");
        Assert.Equal("NEG", effusion.Interpretation[0].Coding[0].Code);
        var consolidation = Finding(observations, "consolidation");
        Assert.Equal(ObservationStatus.Preliminary, consolidation.Status);
        Assert.Equal("IND", consolidation.Interpretation[0].Coding[0].Code);
        var size = Assert.IsType<Quantity>(Assert.Single(observations, o => o.Value is Quantity).Value);
        Assert.Equal(("http://unitsofmeasure.org", "mm", 12m), (size.System, size.Code, size.Value));

        foreach (var observation in observations)
        {
            var (start, end, codePointStart, codePointEnd) = Evidence(observation);
            Assert.Equal((start - 1, end - 1), (codePointStart, codePointEnd));
            if (observation.Value is FhirString finding)
            {
                Assert.Equal(finding.Value, text[start..end]);
            }
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task Fhir_ReviewedExtraction_TakesPrecedenceWithRejectedAbsentEditedCorrectedAndAddedPresent()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var text = Text + " " + Guid.NewGuid().ToString("N")[..6];
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, text);
        var analysis = await ReviewScenario.AnalyseAsync(radiologist, id, "extraction");
        var annotationId = analysis.GetProperty("annotation_id").GetInt64();
        var findings = analysis.GetProperty("content").GetProperty("findings").EnumerateArray().Select(f => f.GetString()!).ToList();
        var effusion = findings.FindIndex(f => f.Contains("pleural effusion", StringComparison.OrdinalIgnoreCase));
        var nodule = findings.FindIndex(f => f.Contains("nodule", StringComparison.OrdinalIgnoreCase));
        Assert.True(effusion >= 0 && nodule >= 0, "the rules engine should extract the nodule and the effusion");
        (await ReviewScenario.ReviewAsync(radiologist, annotationId,
            new { item = $"findings/{effusion}", decision = "reject" },
            new { item = $"findings/{nodule}", decision = "edit", text = "Right upper lobe nodule, 12 mm", attributes = new { uncertain = true } })).EnsureSuccessStatusCode();
        var start = text.IndexOf("left lower lobe", StringComparison.Ordinal);
        (await ReviewScenario.AddAsync(radiologist, annotationId, new { list = "findings", start, end = start + 15, text = "left lower lobe" })).EnsureSuccessStatusCode();
        // A later analysis nobody reviewed: the reviewed one still speaks for the report.
        await ReviewScenario.AnalyseAsync(radiologist, id, "extraction");

        var response = await radiologist.GetAsync($"/api/v1/reports/{id}/fhir");

        response.EnsureSuccessStatusCode();
        var bundle = Assert.IsType<Bundle>(FhirJson.Parse(await response.Content.ReadAsStringAsync()));
        Assert.Empty(FhirProfileValidator.Errors(bundle));
        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        var values = observations.Select(o => (o.Value as FhirString)?.Value).ToList();
        Assert.DoesNotContain(values, v => v is not null && v.Contains("pleural effusion", StringComparison.OrdinalIgnoreCase));
        var edited = Assert.Single(observations, o => o.Value is FhirString { Value: "Right upper lobe nodule, 12 mm" });
        Assert.Equal((ObservationStatus.Preliminary, "IND"), (edited.Status, edited.Interpretation[0].Coding[0].Code));
        Assert.DoesNotContain(edited.Extension, e => e.Url == FhirCodes.EvidenceExtension);
        var added = Assert.Single(observations, o => o.Value is FhirString { Value: "left lower lobe" });
        Assert.Equal((start, start + 15), (Evidence(added).Start, Evidence(added).End));
        var diagnostic = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>());
        var carried = Assert.Single(FhirAnnotationExtension.Read(diagnostic), a => a.AnnotationType == Core.Annotations.AnnotationType.Extraction);
        var carriedFindings = JsonDocument.Parse(carried.ContentJson).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("left lower lobe", carriedFindings);
        Assert.DoesNotContain(carriedFindings, f => f!.Contains("pleural effusion", StringComparison.OrdinalIgnoreCase));

        // De-identified, the bundle speaks for the same settled review (this text holds no identifier to replace).
        var deidentified = await radiologist.GetAsync($"/api/v1/reports/{id}/fhir?deidentify=true");
        deidentified.EnsureSuccessStatusCode();
        var deidentifiedBundle = Assert.IsType<Bundle>(FhirJson.Parse(await deidentified.Content.ReadAsStringAsync()));
        var deidentifiedValues = deidentifiedBundle.Entry.Select(e => e.Resource).OfType<Observation>().Select(o => (o.Value as FhirString)?.Value).ToList();
        Assert.DoesNotContain(deidentifiedValues, v => v is not null && v.Contains("pleural effusion", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Right upper lobe nodule, 12 mm", deidentifiedValues);
        Assert.Contains("left lower lobe", deidentifiedValues);
    }

    [Fact]
    public async System.Threading.Tasks.Task Fhir_IsAuditedAsAnExport()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, "检查所见：右肺上叶结节。" + Guid.NewGuid());

        (await radiologist.GetAsync($"/api/v1/reports/{id}/fhir")).EnsureSuccessStatusCode();

        using var admin = await App.AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?report_id={id}&page_size=50");
        Assert.Contains(page.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "export" && e.GetProperty("detail").GetString() == "fhir");
    }

    [Fact]
    public async System.Threading.Tasks.Task Fhir_MissingReport_Is404Problem()
    {
        App.SkipIfUnavailable();
        using var viewer = await App.ViewerAsync();

        await ProblemAssert.IsProblemAsync(await viewer.GetAsync("/api/v1/reports/987654321/fhir"), HttpStatusCode.NotFound);
    }

    // The first mention: the impression restates the nodule.
    private static Observation Finding(List<Observation> observations, string text) =>
        Assert.IsType<Observation>(observations.FirstOrDefault(o => o.Value is FhirString { Value: { } value } && value.Contains(text, StringComparison.OrdinalIgnoreCase)));

    private static (int Start, int End, int CodePointStart, int CodePointEnd) Evidence(Observation observation)
    {
        var evidence = Assert.Single(observation.Extension, e => e.Url == FhirCodes.EvidenceExtension);
        int Value(string name) => Assert.IsType<Integer>(evidence.GetExtension(name)?.Value).Value ?? -1;
        return (Value("start"), Value("end"), Value("codePointStart"), Value("codePointEnd"));
    }
}

public sealed class ReportFhirSqliteTests(SqliteAppFixture app) : ReportFhirTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ReportFhirPostgresTests(PostgresAppFixture app) : ReportFhirTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
