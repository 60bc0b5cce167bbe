using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Core.Json;
using ReportLens.Core.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Database;

/// <summary>Start-up: apply migrations, load the demo reports into an empty database, create the first admin.</summary>
public sealed partial class DatabaseInitializer(
    ReportLensDbContext db, DatabaseSettings settings, AdminBootstrapper admins, IOptions<DemoOptions> demo,
    TimeProvider time, ILogger<DatabaseInitializer> logger)
{
    public async Task<BootstrapResult> InitializeAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(settings.ConnectionString);
        }

        await db.Database.MigrateAsync(ct);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (the UI, other processes such as the CLI) work while a writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (demo.Value.SeedDemoReports && !await db.Reports.AnyAsync(ct))
        {
            var count = await SeedDemoReportsAsync(ct);
            LogDemoSeeded(logger, count);
        }

        return await admins.EnsureAdminAsync(ct);
    }

    private async Task<int> SeedDemoReportsAsync(CancellationToken ct)
    {
        await using var stream = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream("ReportLens.Server.Demo.demo-reports.jsonl");
        if (stream is null)
        {
            return 0;
        }

        using var reader = new StreamReader(stream);
        var now = time.GetUtcNow();
        var count = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var demoReport = JsonSerializer.Deserialize<DemoReport>(line, ReportLensJson.Options)!;
            db.Reports.Add(new Report
            {
                AccessionNumber = demoReport.AccessionNumber,
                ReportContent = demoReport.ReportContent,
                Modality = demoReport.Modality,
                BodyPart = demoReport.BodyPart,
                ExamDate = demoReport.ExamDate,
                Language = ReportFieldChecks.ResolveLanguage(demoReport.Language, demoReport.ReportContent),
                ContentHash = ContentHash.Of(demoReport.ReportContent),
                CreatedAt = now,
                UpdatedAt = now,
            });
            count++;
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder) && source != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} demo reports into the empty database")]
    private static partial void LogDemoSeeded(ILogger logger, int count);
}
