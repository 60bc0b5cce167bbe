using System.Globalization;

namespace ReportLens.Server.Ui;

/// <summary>The strings of the current request's (or circuit's) UI culture: <c>@T["reports.title"]</c>.</summary>
public sealed class UiText(UiStrings strings)
{
    public string Language => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase)
        ? UiStrings.English
        : UiStrings.Chinese;

    public bool IsEnglish => Language == UiStrings.English;

    public string this[string key] => strings.Get(Language, key);

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);
}
