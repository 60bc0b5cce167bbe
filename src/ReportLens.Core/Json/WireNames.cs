using System.Collections.Frozen;
using System.Text.Json;

namespace ReportLens.Core.Json;

/// <summary>
/// The one form an enum value takes outside C#, in JSON, in the database, in metrics and in logs: its name in
/// snake_case (<c>EngineKind.Llm</c> is "llm", <c>JobStatus.CompletedWithErrors</c> is "completed_with_errors"),
/// the same policy <see cref="ReportLensJson"/> gives its enum converter.
/// </summary>
public static class WireNames
{
    public static string WireName<T>(this T value) where T : struct, Enum =>
        EnumNames<T>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a named {typeof(T).Name}");

    /// <summary>All wire names of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Of<T>() where T : struct, Enum => EnumNames<T>.All;

    /// <summary>Parses a wire name, ignoring case and surrounding blanks (user input reaches here as typed).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        EnumNames<T>.ByName.TryGetValue(text?.Trim() ?? "", out value);

    /// <summary>Parses a stored wire name; anything else is data this version does not know, so it fails loudly.</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name} (expected one of {string.Join(", ", EnumNames<T>.All)})");

    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()))];
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().Zip(All).ToFrozenDictionary(p => p.First, p => p.Second);
        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }
}
