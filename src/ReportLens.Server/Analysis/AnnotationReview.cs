namespace ReportLens.Server.Analysis;

public sealed record AnnotationReview(ReportLens.Data.Entities.ReviewStatus Status, int? ReviewedBy, DateTimeOffset? ReviewedAt, System.Text.Json.JsonElement? Details);
