using Microsoft.Extensions.Primitives;

namespace ReportLens.Server.Reports;

public static class BlankQueryValues
{
    /// <summary>
    /// A blank query value (<c>?page=</c>, as an HTML form sends an empty field) means "not given". Minimal APIs
    /// would answer 400 for a blank number, date or boolean, so blanks are dropped before parameters are bound.
    /// </summary>
    public static TBuilder IgnoreBlankQueryValues<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // A "finally" convention runs once the handler's request delegate (binding included) exists, so it can wrap it.
        builder.Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is { } handler)
            {
                endpoint.RequestDelegate = context =>
                {
                    DropBlanks(context.Request);
                    return handler(context);
                };
            }
        });
        return builder;
    }

    private static void DropBlanks(HttpRequest request)
    {
        if (request.Query.Any(p => IsBlank(p.Value)))
        {
            request.Query = new QueryCollection(request.Query.Where(p => !IsBlank(p.Value)).ToDictionary(p => p.Key, p => p.Value));
        }
    }

    private static bool IsBlank(StringValues values) => values.All(string.IsNullOrWhiteSpace);
}
