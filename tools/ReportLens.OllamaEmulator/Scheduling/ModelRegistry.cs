namespace ReportLens.OllamaEmulator.Scheduling;

/// <summary>Which models exist (tags) and which are loaded (ps), with load time and keep_alive expiry.</summary>
internal sealed class ModelRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ModelInfo> _available = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoadState> _loaded = new(StringComparer.Ordinal);
    private readonly EmulatorOptions _options;

    public ModelRegistry(EmulatorOptions options)
    {
        _options = options;
        var now = options.TimeProvider.GetUtcNow();
        foreach (var name in options.Models)
        {
            Add(name, now);
        }
    }

    /// <summary>Ollama treats "llama3" as "llama3:latest".</summary>
    public static string Normalize(string name) => name.Contains(':') ? name.Trim() : name.Trim() + ":latest";

    public ModelInfo? Find(string name)
    {
        lock (_gate)
        {
            return _available.GetValueOrDefault(Normalize(name));
        }
    }

    public IReadOnlyList<ModelInfo> Available()
    {
        lock (_gate)
        {
            return [.. _available.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
        }
    }

    public ModelInfo Add(string name, DateTimeOffset modifiedAt)
    {
        var info = ModelInfo.FromName(Normalize(name), modifiedAt);
        lock (_gate)
        {
            _available[info.Name] = info;
        }
        return info;
    }

    /// <summary>Loaded models whose keep_alive has not expired, with their expiry.</summary>
    public IReadOnlyList<(ModelInfo Model, DateTimeOffset ExpiresAt)> Loaded()
    {
        var now = _options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            return [.. _loaded.Values.Where(s => s.IsLoaded(now)).Select(s => (s.Model, s.ExpiresAt)).OrderBy(x => x.Model.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Marks the model in use, loading it first when needed; returns the load time this request paid.</summary>
    public async Task<TimeSpan> AcquireAsync(ModelInfo model, CancellationToken ct)
    {
        Task load;
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_loaded.TryGetValue(model.Name, out var state) || !state.IsLoaded(now))
            {
                // The load delay is shared by every request waiting for this model, so it must not die with one of them.
                var delay = _options.LoadTime > TimeSpan.Zero ? Task.Delay(_options.LoadTime, time, CancellationToken.None) : Task.CompletedTask;
                state = new LoadState(model, delay);
                _loaded[model.Name] = state;
            }
            state.InUse++;
            load = state.Load;
        }
        try
        {
            await load.WaitAsync(ct);
        }
        catch
        {
            Release(model, TimeSpan.Zero);
            throw;
        }
        return time.GetElapsedTime(started);
    }

    /// <summary>Ends a use of the model; it stays loaded for keepAlive (negative = forever, 0 = unload now).</summary>
    public void Release(ModelInfo model, TimeSpan? keepAlive)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var keep = keepAlive ?? _options.DefaultKeepAlive;
        lock (_gate)
        {
            if (!_loaded.TryGetValue(model.Name, out var state))
            {
                return;
            }
            state.InUse = Math.Max(0, state.InUse - 1);
            state.ExpiresAt = keep < TimeSpan.Zero ? DateTimeOffset.MaxValue : now + keep;
            if (state.InUse == 0 && keep == TimeSpan.Zero)
            {
                _loaded.Remove(model.Name);
            }
        }
    }

    public void Unload(ModelInfo model)
    {
        lock (_gate)
        {
            _loaded.Remove(model.Name);
        }
    }

    private sealed class LoadState(ModelInfo model, Task load)
    {
        public ModelInfo Model { get; } = model;
        public Task Load { get; } = load;
        public int InUse { get; set; }
        public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;

        public bool IsLoaded(DateTimeOffset now) => InUse > 0 || ExpiresAt > now;
    }
}
