using ReportLens.Core.Annotations;

namespace ReportLens.Server.Ui;

/// <summary>
/// Lays highlights over a report's text at their UTF-16 spans as a tree of nested pieces. Only grounded items with a
/// span inside the text are placed; a span boundary inside a surrogate pair is widened to the whole character.
/// </summary>
public static class HighlightLayout
{
    public static bool IsPlaceable(string text, HighlightItem item) =>
        item.Grounding is { Ungrounded: false } && item.Start >= 0 && item.End > item.Start && item.End <= text.Length;

    public static IReadOnlyList<HighlightNode> Build(string text, IReadOnlyList<HighlightItem> items)
    {
        var pieces = new List<Piece>();
        for (var i = 0; i < items.Count; i++)
        {
            if (IsPlaceable(text, items[i]))
            {
                pieces.Add(new Piece(SnapStart(text, items[i].Start), SnapEnd(text, items[i].End), i, false));
            }
        }

        pieces.Sort(Piece.Order);
        return Nest(pieces, 0, text.Length);
    }

    private static List<HighlightNode> Nest(List<Piece> pieces, int from, int to)
    {
        var nodes = new List<HighlightNode>();
        var cursor = from;
        while (pieces.Count > 0)
        {
            var top = pieces[0];
            pieces.RemoveAt(0);
            if (top.Start > cursor)
            {
                nodes.Add(new HighlightNode(cursor, top.Start, -1, false, []));
            }

            var inner = new List<Piece>();
            while (pieces.Count > 0 && pieces[0].Start < top.End)
            {
                var next = pieces[0];
                pieces.RemoveAt(0);
                if (next.End <= top.End)
                {
                    inner.Add(next);
                    continue;
                }

                // Crossing: the part inside goes in, the rest waits its turn after this highlight.
                inner.Add(next with { End = top.End, Fragment = true });
                Insert(pieces, next with { Start = top.End, Fragment = true });
            }

            nodes.Add(new HighlightNode(top.Start, top.End, top.Item, top.Fragment, Nest(inner, top.Start, top.End)));
            cursor = top.End;
        }

        if (cursor < to)
        {
            nodes.Add(new HighlightNode(cursor, to, -1, false, []));
        }

        return nodes;
    }

    private static void Insert(List<Piece> pieces, Piece piece)
    {
        var index = pieces.FindIndex(p => Piece.Order(piece, p) < 0);
        pieces.Insert(index < 0 ? pieces.Count : index, piece);
    }

    private static int SnapStart(string text, int start) =>
        start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]) ? start - 1 : start;

    private static int SnapEnd(string text, int end) =>
        end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]) ? end + 1 : end;

    private sealed record Piece(int Start, int End, int Item, bool Fragment)
    {
        /// <summary>Earlier first; at the same start the longer one encloses the shorter; then item order.</summary>
        public static int Order(Piece a, Piece b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : a.Item.CompareTo(b.Item);
    }
}
