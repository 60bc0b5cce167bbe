namespace ReportLens.Server.Ui;

/// <summary>
/// The review keys, in one place: the key legend renders them and wwwroot/js/review.js reads the legend, so a key
/// shown is a key that works. <see cref="Action"/> names what review.js does; the label is a UiText key.
/// </summary>
public static class ReviewKeys
{
    public sealed record Binding(string Key, string Shown, string Action);

    public static IReadOnlyList<Binding> All { get; } =
    [
        new("j", "j / ↓", "next"),
        new("ArrowDown", "", "next"),
        new("k", "k / ↑", "previous"),
        new("ArrowUp", "", "previous"),
        new("a", "a", "accept"),
        new("r", "r", "reject"),
        new("e", "e", "edit"),
        new("n", "n", "add"),
        new("]", "]", "next-report"),
    ];

    /// <summary>The key shown for an action (aria-keyshortcuts and button titles).</summary>
    public static string Of(string action) => All.First(b => b.Action == action).Key;
}
