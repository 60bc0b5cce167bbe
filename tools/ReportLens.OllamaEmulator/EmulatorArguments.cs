using System.Globalization;

namespace ReportLens.OllamaEmulator;

/// <summary>Parses the command line into <see cref="EmulatorOptions"/>; CLI defaults model a small GPU (2000/50 tok/s).</summary>
internal static class EmulatorArguments
{
    public const string Usage =
        "usage: ReportLens.OllamaEmulator [--urls http://127.0.0.1:11434] [--parallel 4] [--max-queue 512] [--load-ms 0]\n" +
        "       [--prompt-tps 2000] [--decode-tps 50] [--models qwen2.5:7b,llama3.1:8b] [--keep-alive 5m]\n" +
        "       [--fault-rate 0.1 --faults http500,invalid_json] [--seed 42] [--quiet]";

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions
        {
            Url = "http://127.0.0.1:11434",
            PromptTokensPerSecond = 2000,
            DecodeTokensPerSecond = 50,
            LogRequests = true,
        };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quiet")
            {
                options = options with { LogRequests = false };
                continue;
            }
            if (i + 1 >= args.Count)
            {
                throw new FormatException($"{name} needs a value");
            }
            var value = args[++i];
            options = name switch
            {
                "--urls" or "--url" => options with { Url = value.Split(';')[0] },
                "--parallel" => options with { Parallel = Int(name, value, min: 1) },
                "--max-queue" => options with { MaxQueue = Int(name, value, min: 0) },
                "--load-ms" => options with { LoadTime = TimeSpan.FromMilliseconds(Int(name, value, min: 0)) },
                "--prompt-tps" => options with { PromptTokensPerSecond = Double(name, value) },
                "--decode-tps" => options with { DecodeTokensPerSecond = Double(name, value) },
                "--models" => options with { Models = List(name, value) },
                "--keep-alive" => options with { DefaultKeepAlive = Scheduling.KeepAlive.ParseDuration(value) ?? throw new FormatException($"{name}: '{value}' is not a duration like 5m or 30s") },
                "--fault-rate" => options with { FaultRate = Double(name, value) },
                "--faults" => options with { Faults = List(name, value) },
                "--seed" => options with { Seed = Int(name, value, min: int.MinValue) },
                _ => throw new FormatException($"unknown option {name}"),
            };
        }
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"--urls: '{options.Url}' is not an http URL");
        }
        var faults = new Faults.FaultSettings { Rate = options.FaultRate, Faults = options.Faults };
        if (faults.Validate() is { } error)
        {
            throw new FormatException(error);
        }
        return options;
    }

    private static int Int(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new FormatException($"{name}: '{value}' is not a whole number >= {min}");

    private static double Double(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && double.IsFinite(d)
            ? d
            : throw new FormatException($"{name}: '{value}' is not a non-negative number");

    private static IReadOnlyList<string> List(string name, string value)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new FormatException($"{name}: empty list");
    }
}
