using CsCheck;

namespace ReportLens.Server.Tests.Fuzz;

/// <summary>Generated requests over a set of endpoints: route values, query parameters and bodies, as admin or anonymous.</summary>
public static class FuzzRequests
{
    private static readonly Gen<string> IntegerRoute = Gen.Frequency<string>(
        (4, Gen.Int[1, 5].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("0", "-1", "2147483648", "99999999999999999999", "abc", "1.5", "%01")));

    // Kestrel itself refuses a NUL in the path (an empty 400 before any middleware), so route values leave it out.
    private static readonly Gen<string> RouteText = FuzzValues.UrlValue.Where(v => !v.Contains("%00", StringComparison.OrdinalIgnoreCase));

    private static readonly Gen<string> QueryExtraName = Gen.OneOf("page", "page_size", "limit", "sort", "x", "q", "%00", "a%01b");

    public static Gen<FuzzRequest> For(IReadOnlyList<FuzzEndpoint> endpoints) =>
        Gen.Int[0, endpoints.Count - 1].SelectMany(i => For(endpoints[i]));

    public static Gen<FuzzRequest> For(FuzzEndpoint endpoint)
    {
        var routes = Gen.Select(IntegerRoute.Array[endpoint.RouteParameters.Count], RouteText.Array[endpoint.RouteParameters.Count],
            (ints, texts) => endpoint.RouteParameters.Select((p, i) => p.IsInteger ? ints[i] : texts[i] is { Length: > 0 } t ? t : "x").ToArray());
        var names = endpoint.QueryNames.Count == 0 ? QueryExtraName : Gen.Frequency<string>((4, Gen.OneOf(endpoint.QueryNames.ToArray())), (1, QueryExtraName));
        var query = Gen.Select(names, FuzzValues.UrlValue, (n, v) => n + "=" + v).Array[0, 4];
        var body = endpoint.TakesBody ? FuzzValues.Body(endpoint.BodyFields) : Gen.Frequency<string?>((9, Gen.Const((string?)null)), (1, FuzzValues.Body(["text"])));
        return Gen.Select(routes, query, body, Gen.Frequency<bool>((3, true), (1, false)), (r, q, b, admin) =>
            new FuzzRequest(endpoint, admin, Url(endpoint, r, q), b));
    }

    private static string Url(FuzzEndpoint endpoint, string[] routeValues, string[] query)
    {
        var path = endpoint.Template;
        for (var i = 0; i < endpoint.RouteParameters.Count; i++)
        {
            path = path.Replace("{" + endpoint.RouteParameters[i].Name + "}", routeValues[i], StringComparison.Ordinal);
        }

        return query.Length == 0 ? path : path + "?" + string.Join('&', query);
    }
}
