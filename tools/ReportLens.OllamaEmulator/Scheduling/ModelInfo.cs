namespace ReportLens.OllamaEmulator.Scheduling;

/// <summary>Static metadata of an emulated model, derived from its name.</summary>
internal sealed record ModelInfo(string Name, string Family, string ParameterSize, long Size, string Digest, DateTimeOffset ModifiedAt)
{
    public const string QuantizationLevel = "Q4_K_M";
    public const string Format = "gguf";

    public static ModelInfo FromName(string name, DateTimeOffset modifiedAt)
    {
        var colon = name.IndexOf(':');
        var baseName = colon < 0 ? name : name[..colon];
        var tag = colon < 0 ? "latest" : name[(colon + 1)..];
        var family = baseName.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.');
        if (family.Length == 0)
        {
            family = baseName;
        }
        var billions = ParseBillions(tag);
        // Q4_K_M weighs about 0.6 bytes per parameter.
        var size = (long)(billions * 1e9 * 0.6);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
        var parameterSize = billions.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "B";
        return new ModelInfo(name, family, parameterSize, size, digest, modifiedAt);
    }

    public long ParameterCount => (long)(Size / 0.6);

    private static readonly string[] ThinkingFamilies = ["qwen3", "deepseek-r1", "gpt-oss", "magistral"];

    /// <summary>Reasoning models (capability "thinking"): they think unless a request sends think=false.</summary>
    public bool Thinks => ThinkingFamilies.Any(f => Name.StartsWith(f, StringComparison.OrdinalIgnoreCase));

    private static double ParseBillions(string tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsAsciiDigit(tag[end]) || tag[end] == '.'))
        {
            end++;
        }
        if (end > 0 && end < tag.Length && char.ToLowerInvariant(tag[end]) == 'b'
            && double.TryParse(tag.AsSpan(0, end), System.Globalization.CultureInfo.InvariantCulture, out var b))
        {
            return b;
        }
        return 7;
    }
}
