using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Core.Evaluation;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Evaluation;

/// <summary>
/// Upload and list gold sets: a gold file is checked line by line like `reportlens eval --gold` checks it (GoldFile);
/// a stored set and its audit record commit together.
/// </summary>
public sealed class GoldSets(IDbContextFactory<ReportLensDbContext> factory, TimeProvider time)
{
    public const int MaxNameLength = 200;

    public async Task<GoldSetUpload> UploadAsync(string name, string content, Actor actor, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return new GoldSetUpload(null, null, $"name must be 1 to {MaxNameLength} characters");
        }

        IReadOnlyList<GoldReport> reports;
        try
        {
            reports = GoldFile.Parse(new StringReader(content), name);
        }
        catch (GoldFileException e)
        {
            // "name:line: problem": positions, never report text (GoldFile's messages).
            return new GoldSetUpload(null, e.Line, e.Message);
        }

        if (reports.Count == 0)
        {
            return new GoldSetUpload(null, 0, "the gold file holds no report");
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var set = new GoldSet { Name = name, ReportCount = reports.Count, Content = content, CreatedBy = actor.UserId, CreatedAt = now };
        db.GoldSets.Add(set);
        await db.SaveChangesAsync(ct);
        // The set's name and size, never its reports' text.
        AuditEntries.Stage(db, actor, AuditActions.GoldSetUpload, null, $"gold set {set.Id} '{set.Name}': {set.ReportCount} report(s)", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new GoldSetUpload(View(set), null, null);
    }

    public async Task<IReadOnlyList<GoldSetView>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.GoldSets.AsNoTracking().OrderByDescending(g => g.Id)
            .Select(g => new GoldSetView(g.Id, g.Name, g.ReportCount, g.CreatedBy, g.CreatedAt)).ToListAsync(ct);
    }

    private static GoldSetView View(GoldSet set) => new(set.Id, set.Name, set.ReportCount, set.CreatedBy, set.CreatedAt);
}
