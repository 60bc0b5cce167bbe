namespace ReportLens.Application.Analysis;

public enum RecordOutcome
{
    /// <summary>The annotation, the report's fields, the cache entry and the audit record are stored.</summary>
    Succeeded,

    /// <summary>The model's reply never matched the schema: the failed annotation and its audit record are stored.</summary>
    SchemaFailed,

    /// <summary>No such report, or it was deleted: nothing ran, nothing is stored.</summary>
    ReportNotFound,

    /// <summary>The caller's <see cref="IRecordingStep"/> declined (a job item finished elsewhere or cancelled): nothing is stored.</summary>
    NotRecorded,
}
