namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>Base of API test classes: after each test, the server's log must hold no patient text.</summary>
public abstract class ApiTest<TFixture>(TFixture app) : IAsyncDisposable where TFixture : AppFixture
{
    protected TFixture App { get; } = app;

    public async ValueTask DisposeAsync()
    {
        await App.AssertNoPatientTextInLogsAsync();
        GC.SuppressFinalize(this);
    }
}
