using System.Text.RegularExpressions;

namespace ReportLens.OllamaEmulator.Faults;

/// <summary>Decides the faults of a request: directives in its text plus the seeded random rate.</summary>
internal sealed partial class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _settings;
    private Random _random;

    public FaultInjector(FaultSettings settings, int seed)
    {
        _settings = settings;
        _random = new Random(settings.Seed ?? seed);
    }

    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    public void Update(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            if (settings.Seed is { } seed)
            {
                _random = new Random(seed);
            }
        }
    }

    public FaultPlan Plan(IEnumerable<string> texts)
    {
        var names = new List<string>();
        foreach (var text in texts)
        {
            foreach (Match match in DirectivePattern().Matches(text))
            {
                names.AddRange(match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
        lock (_gate)
        {
            if (_settings.Rate > 0 && _settings.Faults.Count > 0 && _random.NextDouble() < _settings.Rate)
            {
                names.Add(_settings.Faults[_random.Next(_settings.Faults.Count)]);
            }
        }
        return FaultPlan.FromNames(names);
    }

    /// <summary>Replaces every directive by newlines of the same length so offsets stay valid and no span crosses it.</summary>
    public static string Mask(string text) =>
        DirectivePattern().Replace(text, m => new string('\n', m.Length));

    [GeneratedRegex(@"\[\[emulator:fault=([^\]]*)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();
}
