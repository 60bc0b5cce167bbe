using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using ReportLens.Application.Fhir;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Testing;
using Task = System.Threading.Tasks.Task;

namespace ReportLens.Server.Tests.Privacy;

/// <summary>
/// Issue 16, the API's doors: <c>?deidentify=true</c> on a report, its annotations and its FHIR bundle gives the
/// de-identified text with every span cutting out exactly its text there, audited as de-identified; under
/// VIEWERS_SEE_DEIDENTIFIED (set by <see cref="DeidEmulatorAppFixture"/>) a viewer gets nothing else.
/// </summary>
public abstract class DeidentifiedReadsTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : DeidEmulatorAppFixture
{
    [Fact]
    public async Task DeidentifiedReportAnnotationsAndFhir_PhiCorpusSample_NoIdentifierSurvivesAndEverySpanIsExact()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var radiologist = await App.RadiologistAsync();
        var sample = PhiSample();
        Assert.True(sample.Count >= 30);

        foreach (var (name, text, identifiers) in sample)
        {
            var accession = $"ACC-{Guid.NewGuid():N}"[..16];
            var created = await radiologist.PostAsJsonAsync("/api/v1/reports", new { report_content = text, accession_number = accession }, ct);
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32();
            foreach (var type in new[] { "highlight", "extraction" })
            {
                (await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = type, engine = "rules" }, ct))
                    .EnsureSuccessStatusCode();
            }

            var report = await radiologist.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}?deidentify=true", ct);
            var shown = report.GetProperty("report_content").GetString()!;
            Assert.True(report.GetProperty("deidentified").GetBoolean());
            Assert.False(report.TryGetProperty("accession_number", out _));
            AssertNoneSurvives(identifiers.Append(accession), shown, name);

            var annotations = await radiologist.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/annotations?deidentify=true", ct);
            Assert.Equal(2, annotations.GetArrayLength());
            var spans = 0;
            foreach (var annotation in annotations.EnumerateArray())
            {
                spans += AssertSpansExact(annotation.GetProperty("content"), shown, name);
                AssertNoneSurvives(identifiers, string.Join("\n", Strings(annotation)), name);
            }

            Assert.True(spans > 0, name);

            var fhir = await radiologist.GetStringAsync($"/api/v1/reports/{id}/fhir?deidentify=true", ct);
            var bundle = Assert.IsType<Bundle>(FhirJson.Parse(fhir));
            Assert.Empty(FhirProfileValidator.Errors(bundle));
            var diagnostic = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>());
            Assert.Equal(shown, Encoding.UTF8.GetString(diagnostic.PresentedForm[0].Data!));
            AssertNoneSurvives(identifiers.Append(accession).Where(i => i.Length >= 6 || i.Any(c => c > 127)), fhir, name);
        }
    }

    [Fact]
    public async Task DeidentifiedReads_AreAuditedAsDeidentified_PlainReadsAreNot()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var radiologist = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, $"姓名：张伟  住院号：ZY20230517\n检查所见：右肺上叶结节。{Guid.NewGuid():N}");

        foreach (var path in new[] { "", "/annotations", "/fhir", "/versions" })
        {
            (await radiologist.GetAsync($"/api/v1/reports/{id}{path}?deidentify=true", ct)).EnsureSuccessStatusCode();
        }

        (await radiologist.GetAsync($"/api/v1/reports/{id}/fhir", ct)).EnsureSuccessStatusCode();

        using var admin = await App.AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?report_id={id}&page_size=50", ct);
        var details = page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() is "read" or "export")
            .Select(e => $"{e.GetProperty("action").GetString()}: {e.GetProperty("detail").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["export: fhir", "export: fhir, de-identified", "read: annotations, de-identified", "read: de-identified", "read: versions, de-identified"],
            details);
    }

    [Fact]
    public async Task Viewer_UnderViewersSeeDeidentified_NeverGetsTheOriginal_RadiologistDoes()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        const string name = "欧阳娜娜";
        using var radiologist = await App.RadiologistAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist,
            $"姓名：{name}  手机号：13912345678\n检查所见：右肺上叶见一结节，大小约8mm。{tag}");
        (await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "rules" }, ct))
            .EnsureSuccessStatusCode();
        using var viewer = await App.ViewerAsync();

        var shown = (await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}?deidentify=false", ct)).GetProperty("report_content").GetString()!;
        var versions = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/versions", ct);
        var fhir = Assert.IsType<Bundle>(FhirJson.Parse(await viewer.GetStringAsync($"/api/v1/reports/{id}/fhir", ct)));
        var bundleText = Encoding.UTF8.GetString(fhir.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().Single().PresentedForm[0].Data!);
        foreach (var text in new[] { shown, versions[0].GetProperty("report_content").GetString()!, bundleText })
        {
            Assert.StartsWith("姓名：[姓名1]", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
        }

        var annotations = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/annotations?deidentify=false", ct);
        Assert.True(AssertSpansExact(annotations[0].GetProperty("content"), shown, "viewer") > 0);
        var annotation = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/annotations/{annotations[0].GetProperty("annotation_id").GetInt64()}", ct);
        Assert.True(AssertSpansExact(annotation.GetProperty("content"), shown, "viewer") > 0);

        // Newest first: the report is on the first page (no search by its text: the query string is logged).
        var list = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/reports?page_size=20", ct);
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.StartsWith("姓名：[姓名1]", row.GetProperty("preview").GetString(), StringComparison.Ordinal);
        var original = await radiologist.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}", ct);
        Assert.Contains(name, original.GetProperty("report_content").GetString(), StringComparison.Ordinal);
        Assert.False(original.GetProperty("deidentified").GetBoolean());
    }

    [Fact]
    public async Task Deidentify_NotABoolean_Is400Problem()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, $"Findings: normal. {Guid.NewGuid():N}");

        var response = await radiologist.GetAsync($"/api/v1/reports/{id}?deidentify=perhaps", TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>Every grounded span (an object with start, end and source_text) cuts out exactly its source text.</summary>
    private static int AssertSpansExact(JsonElement element, string text, string name)
    {
        var count = 0;
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("source_text", out var source) && source.ValueKind == JsonValueKind.String
                && element.TryGetProperty("start", out var startValue) && startValue.ValueKind == JsonValueKind.Number)
            {
                var (start, end) = (startValue.GetInt32(), element.GetProperty("end").GetInt32());
                Assert.True(text[start..end] == source.GetString(), $"{name}: [{start}, {end})");
                count++;
            }

            count += element.EnumerateObject().Sum(p => AssertSpansExact(p.Value, text, name));
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            count += element.EnumerateArray().Sum(e => AssertSpansExact(e, text, name));
        }

        return count;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static void AssertNoneSurvives(IEnumerable<string> identifiers, string shown, string name)
    {
        foreach (var identifier in identifiers)
        {
            Assert.False(shown.Contains(identifier, StringComparison.Ordinal), $"{name}: an identifier of {identifier.Length} characters survived");
        }
    }

    /// <summary>
    /// Every tenth report of the synthetic PHI corpus (tests/data/deid), with the identifiers that must vanish: those
    /// the text holds nowhere else (a bed number 26 may also be a measurement), at least four characters or not ASCII
    /// (a shifted date may well contain "26"), and dates with a day (a month shifted by a few days can stay the same month).
    /// </summary>
    private static List<(string Name, string Text, List<string> Identifiers)> PhiSample()
    {
        var sample = new List<(string, string, List<string>)>();
        foreach (var file in new[] { "phi-zh.jsonl", "phi-en.jsonl" })
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "deid", file));
            for (var i = 0; i < lines.Length; i += 10)
            {
                var report = JsonDocument.Parse(lines[i]).RootElement;
                var text = report.GetProperty("text").GetString()!;
                var spans = report.GetProperty("spans").EnumerateArray()
                    .Select(s => (Type: s.GetProperty("type").GetString()!, Start: s.GetProperty("start").GetInt32(), End: s.GetProperty("end").GetInt32()))
                    .ToList();
                var outside = new StringBuilder(text);
                foreach (var (_, start, end) in spans)
                {
                    outside.Remove(start, end - start).Insert(start, new string('\0', end - start));
                }

                var identifiers = spans
                    .Where(s => s.Type != "date" || HasDay(text[s.Start..s.End]))
                    .Select(s => text[s.Start..s.End])
                    .Where(t => (t.Length >= 4 || t.Any(c => c > 127)) && !outside.ToString().Contains(t, StringComparison.Ordinal))
                    .Distinct()
                    .ToList();
                sample.Add(($"{file}:{i + 1}", text, identifiers));
            }
        }

        return sample;
    }

    private static bool HasDay(string date) =>
        date.Contains('日', StringComparison.Ordinal) || date.Count(char.IsAsciiDigit) >= 6 || date.Count(c => c is '/' or '-' or '.') >= 2
        || System.Text.RegularExpressions.Regex.IsMatch(date, @"\d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{1,2}-[A-Z][a-z]{2}-\d{4}");
}

public sealed class DeidentifiedReadsSqliteTests(DeidEmulatorAppFixture app)
    : DeidentifiedReadsTests<DeidEmulatorAppFixture>(app), IClassFixture<DeidEmulatorAppFixture>;

public sealed class DeidentifiedReadsPostgresTests(PostgresDeidEmulatorAppFixture app)
    : DeidentifiedReadsTests<PostgresDeidEmulatorAppFixture>(app), IClassFixture<PostgresDeidEmulatorAppFixture>;
