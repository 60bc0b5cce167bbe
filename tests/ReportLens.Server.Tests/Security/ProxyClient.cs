using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ReportLens.Server.Tests.Security;

/// <summary>
/// An HTTP client that connects from 127.0.0.2, so a proxy on 127.0.0.1 and the client it forwards have different
/// addresses; redirects and cookies are left to the test to read.
/// </summary>
public static class ProxyClient
{
    public static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

    public static HttpClient Create(Uri baseAddress, string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(ClientAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
