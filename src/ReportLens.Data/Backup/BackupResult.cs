namespace ReportLens.Data.Backup;

/// <summary>A finished backup: the file written, its size and how long it took.</summary>
public sealed record BackupResult(string Path, DatabaseProvider Provider, long Bytes, TimeSpan Duration);
