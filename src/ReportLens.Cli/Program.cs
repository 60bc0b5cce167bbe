using ReportLens.Cli;

return await CliApp.RunAsync(args);
