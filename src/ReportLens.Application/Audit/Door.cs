namespace ReportLens.Application.Audit;

/// <summary>The way a use case was called: the HTTP API, the web UI, the command line, or a job worker.</summary>
public enum Door
{
    Api,
    Ui,
    Cli,
    Job,
}
