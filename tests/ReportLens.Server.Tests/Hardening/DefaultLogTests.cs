using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportLens.OllamaEmulator;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Jobs;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>
/// Issue 12, item 15: at the default level, started from a working directory without appsettings.json (as the
/// systemd unit starts it), the server writes one line per request, one warning when Ollama becomes unreachable
/// and one line when it is back — no stack trace per failed call, no SQL.
/// </summary>
public sealed partial class DefaultLogTests(ITestOutputHelper output)
{
    private const string Unreachable = "unreachable after repeated failures";
    private const string Reachable = "reachable again";

    [Fact]
    public async Task OllamaDownThenUp_AtDefaultLevel_OneWarningEachWayAndOneLinePerRequest()
    {
        await using var database = TestDatabase.CreateSqlite();
        var port = FreePort.Next();
        var environment = TestServerSettings.Defaults(database.Url, $"http://127.0.0.1:{port}");
        environment["Llm__BreakerBreakSeconds"] = "1";
        await using var server = ServerProcess.Start(environment);
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        using var client = await ExactlyOnceTests.SignInAsync(server.BaseAddress!);
        var created = await client.PostAsJsonAsync("/api/v1/reports", new { report_content = "右肺上叶见结节影，大小约8mm。", modality = "CT" });
        var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var analyze = new { report_id = reportId, user_prompt = "", annotation_type = "highlight", engine = "llm", cache = "bypass" };

        const int down = 8;
        for (var i = 0; i < down; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostAsJsonAsync("/api/v1/ai/analyze", analyze)).StatusCode);
        }

        await WaitForAsync(server, Unreachable);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // several probe cycles while still down
        await using (var ollama = await EmulatorHost.StartAsync(new EmulatorOptions { Url = $"http://127.0.0.1:{port}" }))
        {
            await WaitForAsync(server, Reachable);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/ai/analyze", analyze)).StatusCode);
        }

        var log = server.StandardOutput + server.StandardError;
        output.WriteLine(log);
        Assert.Equal(1, Count(log, Unreachable));
        Assert.Equal(1, Count(log, Reachable));
        Assert.DoesNotMatch(StackFrame(), log);
        Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP request failed", log, StringComparison.Ordinal);
        Assert.Equal(down + 1, Count(log, "POST /api/v1/ai/analyze "));
    }

    private static int Count(string log, string text) => Regex.Count(log, Regex.Escape(text));

    private static async Task WaitForAsync(ServerProcess server, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!server.StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no \"{text}\" in the log: {server.StandardOutput}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
