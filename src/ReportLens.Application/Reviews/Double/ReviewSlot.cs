using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// Where a reviewer's decisions on an annotation go: the annotation's own record (single review, <see cref="Assignment"/>
/// null), their record in an open double review, or nowhere (<see cref="Refusal"/>, with the HTTP status that says why).
/// </summary>
public sealed record ReviewSlot(ReviewAssignment? Assignment, int? RefusalStatus = null, string? Refusal = null)
{
    public static readonly ReviewSlot Single = new((ReviewAssignment?)null);

    public bool Refused => Refusal is not null;
}
