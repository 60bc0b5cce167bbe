using ReportLens.Application.Import;

namespace ReportLens.Server.Ui;

public sealed record ImportSummary(int Rows, ImportOutcome Outcome, IReadOnlyList<ImportError> Errors);
