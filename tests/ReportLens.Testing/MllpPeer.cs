using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ReportLens.Core.Hl7;

namespace ReportLens.Testing;

/// <summary>
/// A loopback MLLP peer, as an interface engine would run one: reads each frame, records the parsed message and
/// answers an original-mode ACK — AE ("busy") to the first <c>failFirst</c> messages of each accession (OBR-3), AA after.
/// </summary>
public sealed class MllpPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly int _failFirst;
    private readonly Task _accepting;

    private MllpPeer(int failFirst)
    {
        _failFirst = failFirst;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every message received, with the ACK code it was answered.</summary>
    public ConcurrentQueue<(Hl7Message Message, string Answered)> Messages { get; } = new();

    public static MllpPeer Start(int failFirst = 0) => new(failFirst);

    /// <summary>The messages for one accession number, waiting up to <paramref name="timeout"/> until one was answered AA.</summary>
    public async Task<IReadOnlyList<(Hl7Message Message, string Answered)>> WaitForAcceptedAsync(string accession, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages.Where(m => m.Message.First("OBR")?.Value(3) == accession).ToList();
            if (messages.Any(m => m.Answered == "AA") || DateTime.UtcNow > until)
            {
                return messages;
            }

            await Task.Delay(50);
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new MllpReader(stream, 1 << 20);
            try
            {
                while (await reader.ReadAsync(_stop.Token) is { } frame)
                {
                    var message = Hl7Message.Parse(frame.Bytes).Message!;
                    var accession = message.First("OBR")?.Value(3) ?? "";
                    var fail = _seen.AddOrUpdate(accession, 1, (_, n) => n + 1) <= _failFirst;
                    var error = fail ? new Hl7Error(AckCode.Error, Hl7Error.InternalError, "", "busy, send again") : null;
                    Messages.Enqueue((message, fail ? "AE" : "AA"));
                    var ack = Hl7Ack.Build(Hl7Header.Read(message), error, Guid.NewGuid().ToString("N")[..20], DateTimeOffset.UtcNow);
                    await stream.WriteAsync(Mllp.Frame(message.Encoding.GetBytes(ack)), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
