using ReportLens.Server;
using ReportLens.Server.Configuration;

SeedEnvironment.LoadDotEnv();
var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddReportLens();
    var app = builder.Build();
    app.MapReportLens();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    Console.Error.WriteLine(line);
    return 1;
}
