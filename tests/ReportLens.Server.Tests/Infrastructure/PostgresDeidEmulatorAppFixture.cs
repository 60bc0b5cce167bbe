namespace ReportLens.Server.Tests.Infrastructure;

/// <summary><see cref="DeidEmulatorAppFixture"/> on PostgreSQL.</summary>
public sealed class PostgresDeidEmulatorAppFixture : DeidEmulatorAppFixture
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? null : await TestDatabase.CreatePostgresAsync();
}
