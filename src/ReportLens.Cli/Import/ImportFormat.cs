namespace ReportLens.Cli.Import;

public enum ImportFormat
{
    Jsonl,
    Csv,
    Txt,
    Fhir,
}
