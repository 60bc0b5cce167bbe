using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application;
using ReportLens.Application.Gold;
using ReportLens.Application.Import;
using ReportLens.Application.Prompts;
using ReportLens.Application.Users;
using ReportLens.Data;

namespace ReportLens.Cli.Infrastructure;

/// <summary>The application's record-writing use cases (create a user, import reports, export gold, few-shot example sets) on the command's database: the server's code, not a copy.</summary>
public sealed class RecordUseCases : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RecordUseCases(ServiceProvider services) => _services = services;

    public CreateUser CreateUser => _services.GetRequiredService<CreateUser>();

    public ImportReports ImportReports => _services.GetRequiredService<ImportReports>();

    public GoldExport GoldExport => _services.GetRequiredService<GoldExport>();
    public PromptExamples PromptExamples => _services.GetRequiredService<PromptExamples>();

    public static RecordUseCases Open(CliContext context)
    {
        Databases.EnsureExists(context);
        var services = new ServiceCollection().AddLogging().AddSingleton(context.Time).AddReportLensData(context.Database).AddReportLensRecords();
        return new RecordUseCases(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
