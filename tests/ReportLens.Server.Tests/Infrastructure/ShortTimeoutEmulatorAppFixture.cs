namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The emulator fixture with a 3-second OLLAMA_TIMEOUT, for timeout faults.</summary>
public sealed class ShortTimeoutEmulatorAppFixture : EmulatorAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["OLLAMA_TIMEOUT"] = "3";
        // Each fault test stands alone, in whatever order xUnit runs them: a timeout and a 500 run first (2 of 3
        // calls failed) would take the one endpoint out and answer every later test 503. The breaker has its own
        // tests (BackendsApiTests, BackendOutageTests).
        settings["Llm:BreakerFailureThreshold"] = "1000";
    }
}
