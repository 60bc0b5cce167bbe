namespace ReportLens.Server.Input;

/// <summary>
/// Query parameters and route values pass the same <see cref="UnsafeText"/> rule as JSON bodies before any endpoint
/// runs, so a filter with a NUL is a 400 naming the parameter on every database.
/// </summary>
public sealed class InputGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (FindUnsafe(context) is { } bad)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [bad.Name] = [UnsafeText.Message(bad.Where)] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            };
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            return;
        }

        await next(context);
    }

    private static (string Name, string Where)? FindUnsafe(HttpContext context)
    {
        foreach (var (key, values) in context.Request.Query)
        {
            if (UnsafeText.Describe(key) is { } inName)
            {
                return ("query", inName);
            }

            foreach (var value in values)
            {
                if (UnsafeText.Describe(value) is { } where)
                {
                    return (key, where);
                }
            }
        }

        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && UnsafeText.Describe(text) is { } where)
            {
                return (key, where);
            }
        }

        return null;
    }
}
