namespace ReportLens.Server.Ui;

/// <summary>
/// A piece of the rendered report: plain text (<see cref="ItemIndex"/> -1) or a highlight covering
/// [<see cref="Start"/>, <see cref="End"/>) with nested pieces. <see cref="Fragment"/> marks a highlight cut in two
/// where it crosses another one (HTML elements nest; crossing spans do not).
/// </summary>
public sealed record HighlightNode(int Start, int End, int ItemIndex, bool Fragment, IReadOnlyList<HighlightNode> Children)
{
    public bool IsText => ItemIndex < 0;
}
