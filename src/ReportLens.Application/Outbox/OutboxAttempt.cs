namespace ReportLens.Application.Outbox;

/// <summary>
/// What one attempt came to: the receiver's status (an HTTP code, or 200/400 for an HL7 AA/AE answer; null when
/// none came back), a short reason when it failed, and whether trying again cannot help (the report is gone).
/// </summary>
public sealed record OutboxAttempt(int? Status, string? Error, bool Delivered, bool Permanent = false)
{
    public static OutboxAttempt Gone(string reason) => new(null, reason, false, true);
}
