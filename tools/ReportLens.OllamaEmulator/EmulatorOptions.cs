namespace ReportLens.OllamaEmulator;

/// <summary>Settings of one emulator instance. Rates of 0 mean "instant".</summary>
public sealed record EmulatorOptions
{
    /// <summary>Models listed by /api/tags; requests for other names get 404 until pulled.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["qwen2.5:7b", "llama3.1:8b", "qwen2:1.5b", "gemma2:9b"];

    /// <summary>Concurrent requests served per emulator (Ollama's OLLAMA_NUM_PARALLEL).</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Requests allowed to wait for a slot (Ollama's OLLAMA_MAX_QUEUE); beyond it → 503.</summary>
    public int MaxQueue { get; init; } = 512;

    /// <summary>Time to load a model on first use and after its keep_alive expired.</summary>
    public TimeSpan LoadTime { get; init; } = TimeSpan.Zero;

    /// <summary>Prompt evaluation speed per slot in tokens per second; 0 = instant.</summary>
    public double PromptTokensPerSecond { get; init; }

    /// <summary>Decoding speed per slot in tokens per second; 0 = instant.</summary>
    public double DecodeTokensPerSecond { get; init; }

    /// <summary>keep_alive used when a request does not send one (Ollama: 5m).</summary>
    public TimeSpan DefaultKeepAlive { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Probability (0..1) that a request gets one of <see cref="Faults"/> injected.</summary>
    public double FaultRate { get; init; }

    /// <summary>Fault names drawn from when <see cref="FaultRate"/> triggers.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>Seeds the fault RNG and the content generator's choices.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Listen URL; null = http://127.0.0.1 on a free port.</summary>
    public string? Url { get; init; }

    /// <summary>Every model's context_length in /api/show, and the most num_ctx a request gets.</summary>
    public int ContextLength { get; init; } = 32768;

    /// <summary>num_ctx when a request sends none (Ollama's default: 4096); a longer prompt is truncated.</summary>
    public int DefaultNumCtx { get; init; } = 4096;

    /// <summary>Version reported by /api/version.</summary>
    public string Version { get; init; } = "0.12.6";

    /// <summary>Log one line per request (method, path, status, duration) to the console.</summary>
    public bool LogRequests { get; init; }

    /// <summary>Keep the text of every message received (<see cref="EmulatorHost.ReceivedMessages"/>): tests check what left the server.</summary>
    public bool RecordMessages { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
