using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Import;
using ReportLens.Core.Interop;

namespace ReportLens.Application.Tests.Import;

/// <summary>ImportReports' one duplicate policy on a real database: created, unchanged, updated, restored; audit per change.</summary>
public sealed class ImportReportsTests
{
    private static readonly Actor Importer = new(7, "radiologist1", "radiologist", Door.Ui, null);

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_SameReportsAgainWithOneChange_UpdatesOnlyThatOneAndAuditsEachChange(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var factory = await database.MigratedFactoryAsync();
        var import = new ImportReports(factory, TimeProvider.System);
        ImportedReport[] first = [Report("A1", "CT"), Report("A2", "CT"), Report(null, "MR")];

        var created = await import.RunAsync(first, Importer, ct);
        var again = await import.RunAsync([first[0], first[1] with { Modality = "MR" }, first[2]], Importer, ct);

        Assert.Equal(new ImportOutcome(3, 0, 0, 0), created);
        Assert.Equal(new ImportOutcome(0, 1, 2, 0), again);
        await using var db = await factory.CreateDbContextAsync(ct);
        var reports = await db.Reports.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        Assert.Equal(["CT", "MR", "MR"], reports.Select(r => r.Modality));
        Assert.All(reports, r => Assert.Equal(7, r.CreatedBy));
        var audits = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        Assert.Equal(["create", "create", "create", "update"], audits.Select(e => e.Action));
        Assert.Equal(reports[1].Id, audits[^1].ReportId);
        Assert.All(audits, e => Assert.Equal(("import", "radiologist1"), (e.Detail, e.Username)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_DeletedReportImportedAgain_IsRestored(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var factory = await database.MigratedFactoryAsync();
        var import = new ImportReports(factory, TimeProvider.System);
        await import.RunAsync([Report("A1", "CT")], Importer, ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Reports.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsDeleted, true), ct);
        }

        var again = await import.RunAsync([Report("A1", "CT")], Importer, ct);

        Assert.Equal(new ImportOutcome(0, 1, 0, 0), again);
        await using var check = await factory.CreateDbContextAsync(ct);
        Assert.False(await check.Reports.Select(r => r.IsDeleted).SingleAsync(ct));
    }

    [Fact]
    public void Check_AccessionRepeatedWithOtherText_MakesTheLaterRowBad()
    {
        var rows = ImportReports.Check([
            ImportRow.Ok("line 1", Report("A1", "CT")),
            ImportRow.Ok("line 2", Report("A1", "CT")),
            ImportRow.Ok("line 3", Report("A1", "CT") with { Text = "Findings: other text." })]);

        Assert.Equal(2, rows.Count);
        Assert.Equal("accession number repeats line 1 with different text", rows[1].Error);
    }

    private static ImportedReport Report(string? accession, string modality) => new()
    {
        Text = "Findings: clear lungs. Impression: normal chest.",
        AccessionNumber = accession,
        Modality = modality,
        BodyPart = "chest",
    };
}
