namespace ReportLens.Server.Analysis;

public sealed record AnnotationReview(string Status, int? ReviewedBy, DateTimeOffset? ReviewedAt, System.Text.Json.JsonElement? Details);
