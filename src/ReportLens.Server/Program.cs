using ReportLens.Application.Configuration;
using ReportLens.Server;
using ReportLens.Server.Configuration;

SeedEnvironment.LoadDotEnv();
var builder = WebApplication.CreateBuilder(HostArguments.Of(args));
try
{
    builder.AddReportLens();
    var app = builder.Build();
    // Settings are checked before the host starts, so a bad one ends start-up with one line, not a logged stack trace.
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
    app.MapReportLens();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ConfigurationFailure.Describe(ex) is { } line)
{
    Console.Error.WriteLine(line);
    return 1;
}
