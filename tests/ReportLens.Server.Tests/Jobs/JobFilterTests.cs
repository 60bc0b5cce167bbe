using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>Issue 12, item 11: a job whose filter selects no report is refused, not created empty, on SQLite and PostgreSQL.</summary>
public abstract class JobFilterTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task CreateJob_WithFilterMatchingNothing_Returns400ProblemAndCreatesNoJob()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var jobsBefore = await JobCountAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/jobs", new
        {
            filter = new { modality = "XX" + Guid.NewGuid().ToString("N")[..6] },
            user_prompt = "",
            annotation_type = "highlight",
            engine = "rules",
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("the filter selects no reports", problem.GetProperty("errors").GetProperty("filter")[0].GetString());
        Assert.Equal(jobsBefore, await JobCountAsync(client));
    }

    /// <summary>Every job the API lists (the test servers hold far fewer than a page).</summary>
    public static async Task<int> JobCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs?limit=500")).GetArrayLength();
}

public sealed class JobFilterSqliteTests(SqliteAppFixture app) : JobFilterTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class JobFilterPostgresTests(PostgresAppFixture app) : JobFilterTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
