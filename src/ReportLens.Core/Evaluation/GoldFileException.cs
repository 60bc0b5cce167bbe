namespace ReportLens.Core.Evaluation;

/// <summary>A gold file line that is not a valid <see cref="GoldReport"/>; the message starts with "file:line:".</summary>
public sealed class GoldFileException(string source, int line, string problem, Exception? inner = null)
    : FormatException($"{source}:{line}: {problem}", inner)
{
    public string File { get; } = source;
    public int Line { get; } = line;
}
