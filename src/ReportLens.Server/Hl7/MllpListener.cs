using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ReportLens.Core.Hl7;

namespace ReportLens.Server.Hl7;

/// <summary>
/// The MLLP listener (off unless Hl7:Port is set). Each connection reads frames one after another and answers each
/// with an ACK; bad frames are answered, not fatal. On shutdown it stops accepting, lets a message being stored
/// finish and be acknowledged, then closes the connections.
/// </summary>
public sealed class MllpListener(Hl7Intake intake, IOptions<Hl7Options> options, ILogger<MllpListener> logger) : BackgroundService
{
    private static readonly TimeSpan HandleTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private TcpListener? _listener;
    private int _nextConnection;

    /// <summary>The bound endpoint once started (null when the listener is off).</summary>
    public IPEndPoint? Endpoint => _listener?.LocalEndpoint as IPEndPoint;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Port is { } port)
        {
            // Bound here, not in ExecuteAsync, so a port already taken fails start-up instead of a background task.
            _listener = new TcpListener(IPAddress.Parse(settings.Bind), port);
            _listener.Start();
            logger.LogInformation("HL7 MLLP listener on {Address}:{Port}", settings.Bind, port);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(stoppingToken);
                if (_connections.Count >= options.Value.MaxConnections)
                {
                    logger.LogWarning("HL7 connection refused: {Count} connections open (Hl7:MaxConnections)", _connections.Count);
                    client.Dispose();
                    continue;
                }

                var id = Interlocked.Increment(ref _nextConnection);
                _connections[id] = ServeAsync(id, client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: connections finish below.
        }
        finally
        {
            _listener.Stop();
            await Task.WhenAll(_connections.Values);
        }
    }

    private async Task ServeAsync(int id, TcpClient client, CancellationToken stopping)
    {
        await Task.Yield();
        var address = (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString();
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new MllpReader(stream, options.Value.MaxMessageBytes);
                while (await ReadAsync(reader, stopping) is { } frame)
                {
                    // Not the stopping token: a message read before shutdown is stored and acknowledged.
                    using var handling = new CancellationTokenSource(HandleTimeout);
                    var ack = await intake.HandleAsync(frame, address, handling.Token);
                    await stream.WriteAsync(Mllp.Frame(ack), handling.Token);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug("HL7 connection {Connection} from {Address} closed: {Reason}", id, address, ex.GetType().Name);
        }
        finally
        {
            _connections.TryRemove(id, out _);
        }
    }

    /// <summary>The next frame; null when the peer closed, the connection was idle too long or the server is stopping.</summary>
    private async Task<MllpFrame?> ReadAsync(MllpReader reader, CancellationToken stopping)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        idle.CancelAfter(options.Value.ReadTimeout);
        try
        {
            return await reader.ReadAsync(idle.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
