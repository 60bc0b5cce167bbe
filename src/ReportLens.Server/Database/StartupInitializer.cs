using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReportLens.Llm.Analysis;

namespace ReportLens.Server.Database;

/// <summary>
/// Migrates and seeds before the server takes requests, then prints where to sign in — the generated admin
/// password (development only) goes to the console once, never to the log.
/// </summary>
public sealed class StartupInitializer(IServiceProvider services, IHostApplicationLifetime lifetime, IServer server, ILlmStatusProvider llm) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var status = await llm.GetStatusAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(() => PrintBanner(result, status));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintBanner(Auth.BootstrapResult result, LlmStatus status)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine($"ReportLens is running: open {url}/ in a browser (API: {url}/api/v1, OpenAPI: {url}/openapi/v1.json)");
        Console.WriteLine(status switch
        {
            { Reachable: true, ModelPresent: true } => $"LLM: Ollama with {status.Model} — analyses default to the hybrid engine (LLM + rules).",
            { Reachable: true } => $"LLM: Ollama answers but has no {status.Model} (ollama pull {status.Model}) — analyses run on the built-in rules engine until it does.",
            _ => "LLM: no Ollama reachable at OLLAMA_BASE_URL — analyses run on the built-in rules engine (内置规则引擎); start Ollama to add the LLM.",
        });
        if (result.GeneratedPassword is { } password)
        {
            Console.WriteLine($"First start: sign in as '{result.CreatedAdmin}' with password '{password}' (shown once; change it under System → Users).");
        }
        else if (result.CreatedAdmin is { } admin)
        {
            Console.WriteLine($"First start: admin '{admin}' created from REPORTLENS_ADMIN_USER/REPORTLENS_ADMIN_PASSWORD.");
        }
    }
}
