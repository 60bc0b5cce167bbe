using System.Net.Sockets;

namespace ReportLens.Core.Hl7;

/// <summary>Sends messages to an MLLP peer over one connection and reads the acknowledgment of each (for the CLI and tests).</summary>
public sealed class MllpClient : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly MllpReader _reader;

    private MllpClient(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new MllpReader(_stream, 16 * 1024 * 1024);
    }

    public static async Task<MllpClient> ConnectAsync(string host, int port, CancellationToken ct)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, ct);
            return new MllpClient(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Frames and sends a message, then waits for the answer's bytes; null when the peer closed instead.</summary>
    public async Task<byte[]?> SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        await WriteRawAsync(Mllp.Frame(message.Span), ct);
        return await ReceiveAsync(ct);
    }

    /// <summary>Writes bytes as they are (a test sends broken frames this way).</summary>
    public async Task WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await _stream.WriteAsync(bytes, ct);
        await _stream.FlushAsync(ct);
    }

    public async Task<byte[]?> ReceiveAsync(CancellationToken ct) => (await _reader.ReadAsync(ct))?.Bytes;

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
