namespace ReportLens.Server.Tests.Fuzz;

public sealed record FuzzRouteParameter(string Name, bool IsInteger);
