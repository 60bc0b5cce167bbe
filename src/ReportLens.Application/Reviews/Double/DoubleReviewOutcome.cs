namespace ReportLens.Application.Reviews.Double;

/// <summary>A double-review use case's result: the value, or the HTTP status and detail (or field errors) of why not.</summary>
public sealed record DoubleReviewOutcome<T>(T? Value, int Status = 200, string? Detail = null, Dictionary<string, string[]>? Errors = null)
{
    public bool Ok => Status == 200;

    public static DoubleReviewOutcome<T> Fail(int status, string detail) => new(default, status, detail);

    public static DoubleReviewOutcome<T> Invalid(Dictionary<string, string[]> errors) => new(default, 400, null, errors);
}
