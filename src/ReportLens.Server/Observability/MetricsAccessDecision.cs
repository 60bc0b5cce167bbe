namespace ReportLens.Server.Observability;

public enum MetricsAccessDecision
{
    Allowed,
    /// <summary>A token is configured and none was presented: 401 with a Bearer challenge.</summary>
    Unauthorized,
    /// <summary>Wrong token, or no token configured and the client is not on loopback: 403.</summary>
    Forbidden,
}
