using System.Diagnostics;

namespace ReportLens.Server.Observability;

/// <summary>
/// The "ReportLens" activity source for traces. Other assemblies (Llm, Jobs) that cannot see this class create
/// their own <c>new ActivitySource("ReportLens")</c> or "ReportLens.Something": both names are traced.
/// </summary>
public sealed class ReportLensTelemetry : IDisposable
{
    public const string ActivitySourceName = "ReportLens";

    public ActivitySource Source { get; } = new(ActivitySourceName);

    public void Dispose() => Source.Dispose();
}
