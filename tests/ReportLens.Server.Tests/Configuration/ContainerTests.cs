using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportLens.Application.Analysis;
using ReportLens.Jobs.Workers;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Ui;

namespace ReportLens.Server.Tests.Configuration;

/// <summary>The server's DI modules own what they use: the container builds with every registration checked.</summary>
public sealed class ContainerTests
{
    [Fact]
    public async Task ServerContainer_ValidatedOnBuild_ResolvesTheWorkerAndTheAnalysisEntryPoint()
    {
        await using var database = TestDatabase.CreateSqlite();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(TestServerSettings.Defaults(database.Url, "http://127.0.0.1:9"));
        builder.AddReportLens();
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });

        await using var app = builder.Build();

        Assert.Single(app.Services.GetServices<IHostedService>().OfType<JobWorker>());
        Assert.NotNull(app.Services.GetRequiredService<AnalyseAndRecord>());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AnalysisRunner>());
    }
}
