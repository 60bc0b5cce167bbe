namespace ReportLens.Server.Ui;

public sealed record ImportSummary(int Rows, IReadOnlyList<int> CreatedIds, IReadOnlyList<ImportError> Errors);
