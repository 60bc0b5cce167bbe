using System.Collections.Frozen;
using System.Text.Json;

namespace ReportLens.Server.Ui;

/// <summary>The UI's strings per language (Ui/Strings/*.json, embedded), loaded once. zh-CN is the reference set.</summary>
public sealed class UiStrings(FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage)
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public IReadOnlyCollection<string> Languages => byLanguage.Keys;

    public string Get(string language, string key) =>
        byLanguage.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var value) ? value
        : byLanguage[Chinese].TryGetValue(key, out var fallback) ? fallback
        : key;

    public IReadOnlyCollection<string> Keys(string language) => byLanguage[language].Keys;

    public static UiStrings Load()
    {
        var assembly = typeof(UiStrings).Assembly;
        var result = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in new[] { Chinese, English })
        {
            using var stream = assembly.GetManifestResourceStream($"ReportLens.Server.Ui.Strings.{language}.json")
                ?? throw new InvalidOperationException($"UI strings for {language} are not embedded");
            result[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary();
        }

        return new UiStrings(result.ToFrozenDictionary());
    }
}
