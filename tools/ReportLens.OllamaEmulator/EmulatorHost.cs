using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReportLens.OllamaEmulator.Api;
using ReportLens.OllamaEmulator.Faults;
using ReportLens.OllamaEmulator.Hosting;

namespace ReportLens.OllamaEmulator;

/// <summary>An Ollama-compatible emulator running on Kestrel in this process; dispose to stop it.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;

    private EmulatorHost(WebApplication app, EmulatorRuntime runtime, Uri baseUrl)
    {
        _app = app;
        _runtime = runtime;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL, e.g. http://127.0.0.1:54321/ — what an Ollama client takes as its host.</summary>
    public Uri BaseUrl { get; }

    public EmulatorOptions Options => _runtime.Options;

    public EmulatorStats Stats => _runtime.Stats;

    /// <summary>The text of every message received so far, when <see cref="EmulatorOptions.RecordMessages"/> is on.</summary>
    public IReadOnlyCollection<string> ReceivedMessages => _runtime.ReceivedMessages;

    /// <summary>Current random fault settings (directives in messages apply on top).</summary>
    public FaultSettings Faults => _runtime.Faults.Settings;

    /// <summary>Changes random fault injection while running.</summary>
    public void SetFaults(FaultSettings settings)
    {
        if (settings.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(settings));
        }
        _runtime.Faults.Update(settings);
    }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);
        // Empty builder: no appsettings or environment variables of the host process (e.g. a test project's
        // Kestrel endpoints) can leak into the emulator.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        if (options.LogRequests)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }
        builder.WebHost.UseUrls(options.Url ?? "http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var runtime = new EmulatorRuntime(options, new EmulatorStats());
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton<InferenceRunner>();

        var app = builder.Build();
        if (options.LogRequests)
        {
            app.UseRequestLogging(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ReportLens.OllamaEmulator"));
        }
        app.MapModelsApi();
        app.MapInferenceApi();
        app.MapOpenAiApi();
        app.MapAdminApi();
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            // e.g. the port is taken: release what was built before reporting.
            await app.DisposeAsync();
            runtime.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new EmulatorHost(app, runtime, baseUrl);
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _runtime.Dispose();
    }

    private static void ValidateOptions(EmulatorOptions options)
    {
        if (options.Parallel < 1)
        {
            throw new ArgumentException("Parallel must be at least 1.", nameof(options));
        }
        if (options.MaxQueue < 0)
        {
            throw new ArgumentException("MaxQueue must not be negative.", nameof(options));
        }
        if (options.PromptTokensPerSecond < 0 || options.DecodeTokensPerSecond < 0 || options.LoadTime < TimeSpan.Zero)
        {
            throw new ArgumentException("Rates and load time must not be negative.", nameof(options));
        }
        if (options.Models.Count == 0)
        {
            throw new ArgumentException("At least one model is needed.", nameof(options));
        }
        if (new FaultSettings { Rate = options.FaultRate, Faults = options.Faults }.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }
    }
}
