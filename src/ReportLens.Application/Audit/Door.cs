namespace ReportLens.Application.Audit;

/// <summary>The way a use case was called: the HTTP API, the web UI, the command line, a job worker, the HL7 listener, or the server's own start-up.</summary>
public enum Door
{
    Api,
    Ui,
    Cli,
    Job,
    Hl7,
    Startup,
}
