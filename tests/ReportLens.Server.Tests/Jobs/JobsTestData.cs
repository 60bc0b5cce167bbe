using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>Job helpers over HTTP and the database (reports are stored with <see cref="TestReports"/>).</summary>
public static class JobsTestData
{
    /// <summary>Annotation counts per report for one job, read from the database.</summary>
    public static async Task<Dictionary<int, int>> AnnotationsPerReportAsync(string databaseUrl, long jobId)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(databaseUrl));
        return await db.Annotations.Where(a => a.JobId == jobId).GroupBy(a => a.ReportId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    public static async Task<JsonElement> WaitForJobAsync(HttpClient client, long jobId, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
            if (until(job))
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"job {jobId} did not reach the state in time: {job}");
    }

    public static bool IsFinished(JsonElement job) =>
        job.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "cancelled";

    public static Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, long jobId, TimeSpan timeout) =>
        WaitForJobAsync(client, jobId, IsFinished, timeout);
}
