using System.Globalization;

namespace ReportLens.Core.Interop;

/// <summary>The limits every imported report must meet, the same the server enforces.</summary>
public static class ReportValidation
{
    public const int MaxTextLength = 100_000;
    public const int MaxAccessionLength = 64;
    public const int MaxCodeLength = 32;

    /// <summary>Null when the report can be stored, else why not.</summary>
    public static string? Check(ImportedReport report)
    {
        if (string.IsNullOrWhiteSpace(report.Text))
        {
            return "report text is empty";
        }

        if (report.Text.Length > MaxTextLength)
        {
            return $"report text is longer than {MaxTextLength} characters";
        }

        if (report.AccessionNumber is { Length: > MaxAccessionLength })
        {
            return $"accession number is longer than {MaxAccessionLength} characters";
        }

        if (report.Modality is { Length: > MaxCodeLength } || report.BodyPart is { Length: > MaxCodeLength })
        {
            return $"modality or body part is longer than {MaxCodeLength} characters";
        }

        return null;
    }

    /// <summary>Parses yyyy-MM-dd (also a full ISO timestamp, keeping its date); null for empty.</summary>
    public static bool TryParseDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
        {
            date = DateOnly.FromDateTime(dt.Date);
            return true;
        }

        return false;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
