using ReportLens.OllamaEmulator;

namespace ReportLens.Bench;

/// <summary>
/// What the emulators could have done: the slot-seconds their token counts needed (prompt/prompt-rate +
/// output/decode-rate, per request), divided by their slots. The emulators' own counters, read before and after.
/// </summary>
internal sealed class EmulatorCapacity
{
    private readonly IReadOnlyList<EmulatorHost> _hosts;
    private readonly (long Prompt, long Eval, long Completed)[] _before;

    private EmulatorCapacity(IReadOnlyList<EmulatorHost> hosts)
    {
        _hosts = hosts;
        _before = [.. hosts.Select(h => (h.Stats.PromptTokens, h.Stats.EvalTokens, h.Stats.Completed))];
    }

    public static EmulatorCapacity Start(params IReadOnlyList<EmulatorHost> hosts) => new(hosts);

    public long Requests => _hosts.Select((h, i) => h.Stats.Completed - _before[i].Completed).Sum();

    /// <summary>The shortest possible wall time for the work done since <see cref="Start"/>, in seconds.</summary>
    public double IdealSeconds()
    {
        var slotSeconds = 0.0;
        var slots = 0;
        for (var i = 0; i < _hosts.Count; i++)
        {
            var options = _hosts[i].Options;
            slotSeconds += ((_hosts[i].Stats.PromptTokens - _before[i].Prompt) / options.PromptTokensPerSecond)
                + ((_hosts[i].Stats.EvalTokens - _before[i].Eval) / options.DecodeTokensPerSecond);
            slots += options.Parallel;
        }

        return slotSeconds / slots;
    }
}
