using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

/// <summary>`reportlens hl7 send` against a real server's MLLP listener, and `reportlens hl7 parse` on files kept by hand.</summary>
public sealed class Hl7Tests : IDisposable
{
    private const string Admin = "hl7-admin";
    private const string Password = "hl7-admin-password-1";
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Send_FileOfTwoMessages_PrintsEachAckAndStoresTheAcceptedReport()
    {
        var port = FreePort.Next();
        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = _workspace.DatabaseUrl,
            ["SECRET_KEY"] = TestServerSettings.SecretKey,
            ["REPORTLENS_ADMIN_USER"] = Admin,
            ["REPORTLENS_ADMIN_PASSWORD"] = Password,
            ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
            ["HL7_MLLP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, workingDirectory: _workspace.Folder);
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var file = _workspace.Write("two.hl7", Message("CLI-1", "CLI-ACC-1", "2.5.1", "IMPRESSION: 右肺上叶结节。") + Message("CLI-2", "CLI-ACC-2", "2.2", "IMPRESSION: Normal."));

        var result = await _workspace.RunAsync("hl7", "send", file, "--to", $"127.0.0.1:{port}");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("MSA|AA|CLI-1", result.Stdout);
        Assert.Contains("MSA|AR|CLI-2", result.Stdout);
        Assert.Contains("ERR||MSH^1^12|203^Unsupported version id^HL70357", result.Stdout);
        using var client = await ApiLogin.SignedInClientAsync(server.BaseAddress!, Admin, Password);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?q=CLI-ACC");
        var stored = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("CLI-ACC-1", stored.GetProperty("accession_number").GetString());
    }

    [Fact]
    public async Task Send_NobodyListening_ExitsOneWithOneLine()
    {
        var file = _workspace.Write("one.hl7", Message("CLI-3", "CLI-ACC-3", "2.5.1", "IMPRESSION: Normal."));

        var result = await _workspace.RunAsync("hl7", "send", file, "--to", $"127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr.Trim());
    }

    [Fact]
    public async Task Parse_File_ShowsWhatWouldBeStoredOrWhyNot()
    {
        var file = _workspace.Write("two.hl7", Message("P-1", "P-ACC-1", "2.3.1", @"FINDINGS:\.br\8\S\6 mm nodule.", status: "C") + Message("P-2", "P-ACC-2", "2.5.1", ""));

        var result = await _workspace.RunAsync("hl7", "parse", file);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(("AA", "P-ACC-1", "FINDINGS:\n8^6 mm nodule.", true, "en"), (lines[0].GetProperty("ack").GetString(),
            lines[0].GetProperty("accession_number").GetString(), lines[0].GetProperty("report_content").GetString(),
            lines[0].GetProperty("correction").GetBoolean(), lines[0].GetProperty("language").GetString()));
        Assert.Equal(("AE", 101), (lines[1].GetProperty("ack").GetString(), lines[1].GetProperty("code").GetInt32()));
    }

    /// <summary>A message as someone keeps it in a file: LF line ends (the CLI sends CR).</summary>
    private static string Message(string controlId, string accession, string version, string text, string status = "F") => string.Join('\n',
        $@"MSH|^~\&|RIS|H|REPORTLENS|H|20261120083000||ORU^R01|{controlId}|P|{version}",
        "PID|1||P1^^^H^MR||Example^Pat",
        $"OBR|1||{accession}|P1^CHEST^L|||20261120|||||||||||||||||CR|{status}",
        text.Length == 0 ? "OBX|1|NM|SIZE||8|mm" : $"OBX|1|TX|T^Report^L||{text}||||||{status}") + "\n";
}
