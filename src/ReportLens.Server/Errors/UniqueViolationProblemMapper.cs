using Microsoft.AspNetCore.Mvc;
using ReportLens.Data;

namespace ReportLens.Server.Errors;

/// <summary>
/// A concurrent request took the same unique value (username, accession number) after this one checked it: the
/// same 409 the check gives, not a 500.
/// </summary>
public sealed class UniqueViolationProblemMapper : IExceptionProblemMapper
{
    public ProblemDetails? Map(Exception exception) => UniqueViolation.Is(exception)
        ? new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = "a record with the same unique value (username, accession number) was stored meanwhile",
        }
        : null;
}
