namespace ReportLens.Server.Tests.Fuzz;

/// <summary>One generated request; printed in full (body cut short) when the invariant fails, to reproduce it.</summary>
public sealed record FuzzRequest(FuzzEndpoint Endpoint, bool AsAdmin, string Url, string? Body)
{
    public override string ToString() =>
        $"{(AsAdmin ? "admin" : "anonymous")} {Endpoint.Method} {Url} {(Body is null ? "(no body)" : Body.Length > 300 ? Body[..300] + $"… ({Body.Length} chars)" : Body)}";
}
