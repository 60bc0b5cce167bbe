namespace ReportLens.Server.Tests.Fuzz;

/// <summary>One method and route of the API, with the names a client can fill in.</summary>
public sealed record FuzzEndpoint(
    string Method, string Template, IReadOnlyList<FuzzRouteParameter> RouteParameters,
    IReadOnlyList<string> QueryNames, IReadOnlyList<string> BodyFields, bool TakesBody)
{
    public override string ToString() => $"{Method} {Template}";
}
