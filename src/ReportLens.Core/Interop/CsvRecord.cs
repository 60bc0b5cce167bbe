namespace ReportLens.Core.Interop;

/// <summary>One CSV record and the physical line it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
