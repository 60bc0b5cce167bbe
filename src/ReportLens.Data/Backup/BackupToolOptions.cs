namespace ReportLens.Data.Backup;

/// <summary>Where pg_dump and pg_restore live when they are not on PATH (setting PG_BIN_DIR).</summary>
public sealed record BackupToolOptions(string? PgBinDirectory = null);
