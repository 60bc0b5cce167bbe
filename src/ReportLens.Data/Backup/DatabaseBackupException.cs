namespace ReportLens.Data.Backup;

/// <summary>A backup or restore that could not be done, with a message an operator can act on.</summary>
public sealed class DatabaseBackupException : Exception
{
    public DatabaseBackupException(string message) : base(message)
    {
    }

    public DatabaseBackupException(string message, Exception inner) : base(message, inner)
    {
    }
}
