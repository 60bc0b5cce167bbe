using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportLens.Application.Analysis;
using ReportLens.Cli.Analysis;
using ReportLens.Data;
using ReportLens.Jobs.Workers;

namespace ReportLens.Cli.Tests;

/// <summary>The CLI's container (the one `analyze --report-id` and `--all` build) with every registration checked.</summary>
public sealed class CliContainerTests
{
    [Fact]
    public async Task CliContainer_ValidatedOnBuild_ResolvesTheWorkerAndTheAnalysisEntryPoint()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Concurrency"] = "2" }).Build();
        var database = DatabaseSettings.Parse($"Data Source={Path.Combine(Path.GetTempPath(), $"rl-container-{Guid.NewGuid():N}.db")}");
        var services = AnalysisHost.AddServices(new ServiceCollection(), configuration, database, TimeProvider.System)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using (services)
        {
            Assert.Single(services.GetServices<IHostedService>().OfType<JobWorker>());
            Assert.NotNull(services.GetRequiredService<AnalyseAndRecord>());
        }
    }
}
