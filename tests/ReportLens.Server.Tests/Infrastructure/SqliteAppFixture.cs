namespace ReportLens.Server.Tests.Infrastructure;

public class SqliteAppFixture : AppFixture
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());
}
