using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Json;
using ReportLens.Core.Hl7;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hl7;

/// <summary>Sending messages to the running server's MLLP listener and reading what it stored, for the HL7 tests.</summary>
internal static class Hl7Exchange
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<Hl7Message> SendAsync(MllpClient client, byte[] message, bool gb18030 = false) =>
        Parse(await client.SendAsync(message, TestContext.Current.CancellationToken), gb18030);

    public static Hl7Message Parse(byte[]? ack, bool gb18030 = false)
    {
        Assert.NotNull(ack);
        var parsed = Hl7Message.Parse(ack);
        Assert.Null(parsed.Error);
        Assert.Equal(gb18030 ? "GB18030" : "utf-8", parsed.Message!.Encoding.WebName, ignoreCase: true);
        return parsed.Message!;
    }

    public static void AssertAck(Hl7Message ack, string code, string controlId)
    {
        Assert.Equal("ACK", ack.Header.Value(9));
        Assert.Equal((code, controlId), (ack.First("MSA")!.Value(1), ack.First("MSA")!.Value(2)));
        Assert.Equal(code == "AA", ack.First("ERR") is null);
    }

    public static async Task<Report> ReportAsync(AppFixture app, string accession)
    {
        await using var db = TestDb.Open(app);
        return await db.Reports.AsNoTracking().SingleAsync(r => r.AccessionNumber == accession);
    }

    /// <summary>Waits until <paramref name="count"/> arrival analyses of the report succeeded; their types, sorted.</summary>
    public static async Task<List<string>> AnalysedTypesAsync(AppFixture app, int reportId, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = TestDb.Open(app);
            var types = await db.Annotations.Where(a => a.ReportId == reportId && a.JobId != null && a.Status == AnnotationStatus.Succeeded)
                .Select(a => a.AnnotationType).ToListAsync();
            if (types.Count >= count || DateTime.UtcNow > deadline)
            {
                return [.. types.Select(t => t.WireName()).Order(StringComparer.Ordinal)];
            }

            await Task.Delay(100);
        }
    }
}
