using System.Globalization;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Hl7;

namespace ReportLens.Cli.Hl7v2;

/// <summary>Sends a file's messages over one MLLP connection and prints each ACK, one segment a line.</summary>
internal static class Hl7Sender
{
    public static async Task<int> RunAsync(CliContext context, string path, string to, int timeoutSeconds, CancellationToken ct)
    {
        var (host, port) = Endpoint(to);
        var messages = Hl7File.Split(await File.ReadAllBytesAsync(path, ct));
        if (messages.Count == 0)
        {
            throw new CliException($"no HL7 message in {path}");
        }

        await using var client = await MllpClient.ConnectAsync(host, port, ct);
        var allAccepted = true;
        foreach (var message in messages)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
            byte[]? ack;
            try
            {
                ack = await client.SendAsync(message, wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new CliException($"no ACK from {to} within {timeoutSeconds} s");
            }

            if (ack is null)
            {
                throw new CliException($"{to} closed the connection without an ACK");
            }

            var parsed = Hl7Message.Parse(ack);
            var text = parsed.Message is { } m ? m.Encoding.GetString(ack) : System.Text.Encoding.UTF8.GetString(ack);
            await context.Out.WriteLineAsync(TerminalText.Safe(text.TrimEnd('\r').Replace('\r', '\n')));
            await context.Out.WriteLineAsync();
            allAccepted &= parsed.Message?.First("MSA")?.Value(1) == "AA";
        }

        return allAccepted ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static (string Host, int Port) Endpoint(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw CliException.Usage($"--to must be HOST:PORT, not '{value}'");
        }

        return (value[..colon].Trim('[', ']'), port);
    }
}
