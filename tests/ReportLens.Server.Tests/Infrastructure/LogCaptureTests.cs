using Microsoft.Extensions.Logging;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The privacy check every API test relies on finds report clauses in the log, and only real ones.</summary>
public sealed class LogCaptureTests
{
    [Theory]
    [InlineData("Findings: normal heart size.", "request for normal heart size done", "normal heart size")]
    [InlineData("Findings: normal.", "value normal.", "normal")]
    [InlineData("印象：右肺上叶结节影，建议随访。", "parsed 右肺上叶结节影 ok", "右肺上叶结节影")]
    public void Leaks_FindsAClauseOfAStoredTextInALogLine(string text, string logged, string clause)
    {
        var capture = Capture(logged);

        var leak = Assert.Single(capture.Leaks([text]));

        Assert.StartsWith(clause + " (in: Information", leak, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Findings: normal.", "SELECT u.normalized FROM users")]
    [InlineData("Findings: normal.", "connection closed abnormally")]
    [InlineData("Impression: effusion.", "no_effusion_flag=1")]
    public void Leaks_IgnoresAClauseThatIsOnlyPartOfALongerWord(string text, string logged)
    {
        Assert.Empty(Capture(logged).Leaks([text]));
    }

    private static LogCapture Capture(string message)
    {
        var capture = new LogCapture();
        capture.CreateLogger("Test").LogInformation("{Message}", message);
        return capture;
    }
}
