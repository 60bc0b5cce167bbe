namespace ReportLens.Application.CriticalFindings;

/// <summary>The events a critical-finding webhook carries (the payload's "event" and the X-ReportLens-Event header).</summary>
public static class WebhookEvents
{
    public const string Opened = "critical_finding.opened";
    public const string Escalated = "critical_finding.escalated";
}
