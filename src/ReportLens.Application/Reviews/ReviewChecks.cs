using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews;

/// <summary>Checks review requests against an annotation; errors keyed like a validation problem.</summary>
public static class ReviewChecks
{
    public const int MaxEditedTextLength = 2000;

    public static Dictionary<string, string[]> Decisions(Annotation annotation, ReviewRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Items is not { Count: > 0 } items)
        {
            errors["items"] = ["items must list at least one decision"];
            return errors;
        }

        var known = ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson).Select(i => i.Key).ToHashSet();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = item.Item is { } named && known.Contains(named) ? named : null;
            if (key is null)
            {
                errors[$"items[{i}].item"] = [$"'{item.Item}' is not an item of this annotation"];
            }

            var attributes = item.Attributes is { IsEmpty: false } a ? a : null;
            if (item.Decision is null || !ReviewDecisions.All.Contains(item.Decision))
            {
                errors[$"items[{i}].decision"] = ["decision must be accept, reject or edit"];
            }
            else if (item.Decision == ReviewDecisions.Edit && string.IsNullOrWhiteSpace(item.Text) && attributes is null)
            {
                errors[$"items[{i}].text"] = ["an edit needs the corrected text or attributes"];
            }
            else if (item.Decision != ReviewDecisions.Edit && attributes is not null)
            {
                errors[$"items[{i}].attributes"] = ["attributes correct an item: send them with decision edit"];
            }

            if (item.Text is { Length: > MaxEditedTextLength })
            {
                errors[$"items[{i}].text"] = [$"text must be at most {MaxEditedTextLength} characters"];
            }

            if (key is not null && attributes is not null)
            {
                var (categories, maxScore) = ReviewTargets.LimitsOf(annotation, key);
                ReviewAttributeRules.Check(ReviewTargets.ListOf(key), attributes, categories, maxScore, $"items[{i}].attributes", errors);
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks an added item against <paramref name="current"/> (the record it goes to; the annotation's by default); on
    /// success <paramref name="codePoints"/> is its code-point span.
    /// </summary>
    public static Dictionary<string, string[]> Addition(
        Annotation annotation, string report, ReviewAdditionRequest request, out (int Start, int End) codePoints, ReviewRecord? current = null)
    {
        var errors = new Dictionary<string, string[]>();
        codePoints = default;
        var lists = ReviewTargets.AddableLists(annotation.AnnotationType.WireName());
        if (request.List is null || !lists.Contains(request.List))
        {
            errors["list"] = [lists.Count == 0
                ? $"items cannot be added to a {annotation.AnnotationType} annotation"
                : $"list must be one of {string.Join(", ", lists)}"];
            return errors;
        }

        var attributes = request.Attributes ?? new ReviewAttributes();
        if (request.List == "highlights" && attributes.Category is null)
        {
            errors["attributes.category"] = ["an added highlight needs a category"];
        }

        ReviewAttributeRules.Check(request.List, attributes, ReviewTargets.LimitsOf(annotation, request.List + "/0").Categories, 0, "attributes", errors);
        if (ReviewSelection.Check(report, request, errors) is { } span)
        {
            codePoints = span;
            if ((current ?? ReviewService.Read(annotation)).AddedItems.Any(a => a.List == request.List && a.Start == request.Start && a.End == request.End))
            {
                errors["start"] = [$"this span is already added to {request.List}"];
            }
        }

        return errors;
    }
}
