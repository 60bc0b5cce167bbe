using Microsoft.EntityFrameworkCore;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.Data;

/// <summary>
/// The context detects changes once per save (for the audit guard and the save together): a property changed on a
/// tracked entity is still saved, an audit record changed or removed is still refused, and a caller's own choice to
/// turn automatic detection off is kept.
/// </summary>
public sealed class SaveChangesTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TrackedChanges_AreSaved_AuditRecordsStayAppendOnly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var factory = await database.MigratedFactoryAsync();
        var now = DateTimeOffset.UtcNow;
        int reportId;
        long auditId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var report = new Report { ReportContent = "x", Language = "en", ContentHash = "h", CreatedAt = now, UpdatedAt = now };
            var audit = new AuditEntry { Action = "create", At = now };
            db.AddRange(report, audit);
            await db.SaveChangesAsync();
            (reportId, auditId) = (report.Id, audit.Id);

            report.Modality = "CT";
            Assert.Equal(1, await db.SaveChangesAsync());
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);

            audit.Detail = "changed afterwards";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Remove(await db.AuditEntries.SingleAsync(a => a.Id == auditId));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal("CT", (await db.Reports.SingleAsync(r => r.Id == reportId)).Modality);
            Assert.Null((await db.AuditEntries.SingleAsync(a => a.Id == auditId)).Detail);

            db.ChangeTracker.AutoDetectChangesEnabled = false;
            (await db.Reports.SingleAsync(r => r.Id == reportId)).Modality = "MR";
            Assert.Equal(0, await db.SaveChangesAsync());
            Assert.False(db.ChangeTracker.AutoDetectChangesEnabled);
        }
    }
}
