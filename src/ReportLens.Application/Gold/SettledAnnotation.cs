using ReportLens.Application.Reviews;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Gold;

/// <summary>An annotation whose review is settled, with its review record.</summary>
public sealed record SettledAnnotation(Annotation Annotation, ReviewRecord Review);
