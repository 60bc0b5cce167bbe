
namespace ReportLens.Llm.Options;

/// <summary>The configured names of <see cref="OpenAiServerKind"/>: the lower-case name, with "-", "_" and "." ignored ("llama.cpp", "lm-studio").</summary>
public static class OpenAiServerKinds
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<OpenAiServerKind>().Select(k => k.ToString().ToLowerInvariant())];

    public static bool TryParse(string? text, out OpenAiServerKind kind)
    {
        var name = new string([.. (text ?? "").Where(c => c is not ('-' or '_' or '.') && !char.IsWhiteSpace(c))]);
        foreach (var candidate in Enum.GetValues<OpenAiServerKind>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
