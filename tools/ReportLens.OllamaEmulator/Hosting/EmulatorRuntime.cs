using ReportLens.OllamaEmulator.Content;
using ReportLens.OllamaEmulator.Faults;
using ReportLens.OllamaEmulator.Scheduling;

namespace ReportLens.OllamaEmulator.Hosting;

/// <summary>Everything one emulator instance shares between requests.</summary>
internal sealed class EmulatorRuntime(EmulatorOptions options, EmulatorStats stats) : IDisposable
{
    public EmulatorStats Stats { get; } = stats;
    public EmulatorOptions Options { get; } = options;
    public FaultInjector Faults { get; } = new(new FaultSettings { Rate = options.FaultRate, Faults = options.Faults }, options.Seed);
    public ModelRegistry Models { get; } = new(options);
    public ContentGenerator Generator { get; } = new(EmulatorLexicon.Load(), options.Seed);
    public SlotScheduler Slots { get; } = new(options.Parallel, options.MaxQueue, stats);

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Message texts received, when <see cref="EmulatorOptions.RecordMessages"/> is on.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ReceivedMessages { get; } = new();

    public void Dispose() => Slots.Dispose();
}
