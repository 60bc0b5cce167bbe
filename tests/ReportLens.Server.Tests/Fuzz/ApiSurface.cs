using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ReportLens.Server.Tests.Fuzz;

/// <summary>
/// Every /api endpoint of the running server, read from its <see cref="EndpointDataSource"/> (so an endpoint added
/// tomorrow is fuzzed without touching this suite), with the names of its route, query and body fields.
/// </summary>
public static class ApiSurface
{
    public static IReadOnlyList<FuzzEndpoint> Read(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => Describe(e, method)))
            .OrderBy(e => e.Method + " " + e.Template, StringComparer.Ordinal)];

    private static FuzzEndpoint Describe(RouteEndpoint endpoint, string method)
    {
        var pattern = endpoint.RoutePattern;
        var routeNames = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var routes = pattern.Parameters.Select(p => new FuzzRouteParameter(p.Name, p.ParameterPolicies.Any(pp => pp.Content == "int"))).ToList();
        var query = new List<string>();
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            foreach (var parameter in handler.GetParameters())
            {
                query.AddRange(QueryNames(parameter, routeNames));
            }
        }

        var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var fields = bodyType is null ? [] : bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .ToList();
        var template = "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));
        return new FuzzEndpoint(method, template, routes, query.Distinct().ToList(), fields, bodyType is not null || method is "POST" or "PUT" or "PATCH");
    }

    private static IEnumerable<string> QueryNames(ParameterInfo parameter, HashSet<string> routeNames)
    {
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
        {
            return parameter.ParameterType.GetProperties()
                .Select(p => p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault() is { } q ? q.Name ?? p.Name : null)
                .OfType<string>();
        }

        if (parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
        {
            return [fromQuery.Name ?? parameter.Name!];
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(Guid);
        return simple && parameter.Name is { } name && !routeNames.Contains(name)
            && parameter.GetCustomAttributes().OfType<IFromBodyMetadata>().FirstOrDefault() is null ? [name] : [];
    }
}
