namespace ReportLens.OllamaEmulator.Faults;

/// <summary>Names of the injectable faults, as used in directives, CLI and /emulator/faults.</summary>
public static class EmulatorFaults
{
    /// <summary>"delay:MS" adds MS milliseconds before the reply.</summary>
    public const string Delay = "delay";
    public const string Timeout = "timeout";
    public const string Http500 = "http500";
    public const string InvalidJson = "invalid_json";
    public const string InvalidJsonOnce = "invalid_json_once";
    public const string SchemaViolation = "schema_violation";
    public const string UnknownModel = "unknown_model";
    public const string Busy = "busy";
    public const string WrongOffsets = "wrong_offsets";
    public const string HallucinatedSpan = "hallucinated_span";
    public const string DropStream = "drop_stream";
    public const string StreamError = "stream_error";
    /// <summary>The model reasons and never answers (even when asked not to think).</summary>
    public const string ThinkOnly = "think_only";
    /// <summary>The model writes its reasoning as a &lt;think&gt; block before the answer, whatever think says.</summary>
    public const string ThinkInline = "think_inline";
    /// <summary>"unsure:WORD": low token log-probabilities for every item whose text holds WORD.</summary>
    public const string Unsure = "unsure";

    public static IReadOnlyList<string> All { get; } =
    [
        Delay, Timeout, Http500, InvalidJson, InvalidJsonOnce, SchemaViolation, UnknownModel, Busy,
        WrongOffsets, HallucinatedSpan, DropStream, StreamError, ThinkOnly, ThinkInline,
    ];

    /// <summary>True when <paramref name="name"/> is a fault name, "delay:MS" included.</summary>
    public static bool IsKnown(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith(Unsure + ":", StringComparison.Ordinal))
        {
            return trimmed.Length > Unsure.Length + 1;
        }

        if (trimmed.StartsWith(Delay + ":", StringComparison.Ordinal))
        {
            return int.TryParse(trimmed.AsSpan(Delay.Length + 1), out var ms) && ms >= 0;
        }
        return trimmed != Delay && All.Contains(trimmed);
    }
}
