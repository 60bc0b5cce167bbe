using ReportLens.Application.Reviews;

namespace ReportLens.Server.Ui;

public sealed record ReviewResult(ReviewResponse? Review, string? Error);
