using ReportLens.Data;

namespace ReportLens.Server.Tests.Infrastructure;

public static class TestDb
{
    /// <summary>A context on the fixture's database, to check what the server stored (and did not).</summary>
    public static ReportLensDbContext Open(AppFixture app) =>
        DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(app.Database.Url));
}
