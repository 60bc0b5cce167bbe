namespace ReportLens.Data.Entities;

/// <summary>The states of a <see cref="CriticalCase"/>. Open and escalated cases wait for a person; the others are closed.</summary>
public static class CriticalCaseState
{
    public const string Open = "open";
    public const string Escalated = "escalated";
    public const string Acknowledged = "acknowledged";
    public const string Dismissed = "dismissed";

    public static IReadOnlyList<string> All { get; } = [Open, Escalated, Acknowledged, Dismissed];

    public static bool IsClosed(string state) => state is Acknowledged or Dismissed;
}
