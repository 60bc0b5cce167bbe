namespace ReportLens.Application.Evaluation;

/// <summary>A stored gold set as listed (without its reports).</summary>
public sealed record GoldSetView(int Id, string Name, int ReportCount, int? CreatedBy, DateTimeOffset CreatedAt);
