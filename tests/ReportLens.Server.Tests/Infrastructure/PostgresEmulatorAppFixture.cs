namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The server on PostgreSQL with the emulator as Ollama.</summary>
public sealed class PostgresEmulatorAppFixture : EmulatorAppFixture
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? null : await TestDatabase.CreatePostgresAsync();
}
