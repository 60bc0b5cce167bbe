using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>SQLite; 3 interactive analyses per minute, 10 batch items per hour, jobs of 5 (radiologist) or 8 (admin).</summary>
public sealed class BatchQuotaAppFixture : SqliteAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["RATE_LIMIT_PER_MINUTE"] = "3";
        settings["BATCH_ITEMS_PER_HOUR"] = "10";
        settings["BATCH_MAX_ITEMS_RADIOLOGIST"] = "5";
        settings["BATCH_MAX_ITEMS_ADMIN"] = "8";
    }
}
