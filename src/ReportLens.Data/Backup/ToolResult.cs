namespace ReportLens.Data.Backup;

internal sealed record ToolResult(int ExitCode, string StandardError);
