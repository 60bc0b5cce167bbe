namespace ReportLens.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
