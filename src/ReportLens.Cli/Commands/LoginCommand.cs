using System.CommandLine;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Server;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens login`: signs in to a server and prints the bearer token, for --token or $REPORTLENS_TOKEN.</summary>
public static class LoginCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var username = new Option<string>("--username", "-u") { Description = "User name", Required = true };
        var password = new Option<string?>("--password") { Description = "Password (default: read a line from stdin)" };
        var command = new Command("login", "Sign in to a server (--server) and print the access token") { username, password };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            if (!context.UseServer)
            {
                throw CliException.Usage("login needs --server URL (or $REPORTLENS_SERVER)");
            }

            var secret = context.Get(password);
            if (secret is null)
            {
                if (!Console.IsInputRedirected)
                {
                    await context.Error.WriteAsync("password: ");
                }

                secret = await Console.In.ReadLineAsync(cancellationToken) ?? "";
            }

            using var client = new ServerClient(context.ServerUrl!, token: null);
            var answer = await client.PostAsync("api/v1/auth/login", new { username = context.Get(username), password = secret }, cancellationToken);
            var token = answer.TryGetProperty("access_token", out var t) ? t.GetString() : null;
            await context.Out.WriteLineAsync(token ?? throw new CliException("the server's answer has no access_token"));
            return ExitCodes.Success;
        });
        return command;
    }
}
