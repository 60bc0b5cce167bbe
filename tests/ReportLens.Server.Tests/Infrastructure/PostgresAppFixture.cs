namespace ReportLens.Server.Tests.Infrastructure;

public class PostgresAppFixture : AppFixture
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? null : await TestDatabase.CreatePostgresAsync();
}
