using ReportLens.Core.Grounding;

namespace ReportLens.Application.Reviews;

/// <summary>
/// Checks a selection sent by a client against the report: the UTF-16 span must lie in the text, not cut a
/// surrogate pair, and cut out exactly the selected text; a code-point span, when sent, must be the same span.
/// </summary>
public static class ReviewSelection
{
    public const int MaxLength = 2000;

    /// <summary>The selection's code-point span, or null with the reasons in <paramref name="errors"/>.</summary>
    public static (int Start, int End)? Check(string report, ReviewAdditionRequest request, Dictionary<string, string[]> errors)
    {
        if (request is not { Start: { } start, End: { } end } || string.IsNullOrWhiteSpace(request.Text))
        {
            errors["selection"] = ["start, end and text are required"];
            return null;
        }

        if (start < 0 || end > report.Length || start >= end)
        {
            errors["start"] = [$"the span must satisfy 0 <= start < end <= {report.Length} (UTF-16 units)"];
            return null;
        }

        if (end - start > MaxLength)
        {
            errors["end"] = [$"a selection is at most {MaxLength} characters"];
            return null;
        }

        if (char.IsLowSurrogate(report[start]) || (end < report.Length && char.IsLowSurrogate(report[end])))
        {
            errors["start"] = ["the span cuts a surrogate pair: offsets count UTF-16 units and must fall between characters"];
            return null;
        }

        if (!report.AsSpan(start, end - start).SequenceEqual(request.Text))
        {
            // The report's text is not echoed: the problem names the span, the client holds the text.
            errors["text"] = [$"text is not the report's text at {start}..{end} (UTF-16 units)"];
            return null;
        }

        var locator = new TextLocator(report);
        var codePoints = (locator.ToCodePoint(start), locator.ToCodePoint(end));
        if ((request.CodePointStart is { } cpStart && cpStart != codePoints.Item1) || (request.CodePointEnd is { } cpEnd && cpEnd != codePoints.Item2))
        {
            errors["code_point_start"] = [$"the code-point span is {codePoints.Item1}..{codePoints.Item2}, not the one sent"];
            return null;
        }

        return codePoints;
    }
}
