namespace ReportLens.Cli.Infrastructure;

/// <summary>The --delimiter option of the CSV commands: one character, or 'tab'.</summary>
public static class CsvDelimiter
{
    public static char Parse(string value) => value switch
    {
        "tab" or "\\t" => '\t',
        { Length: 1 } => value[0],
        _ => throw CliException.Usage("--delimiter: expected one character or 'tab'"),
    };
}
