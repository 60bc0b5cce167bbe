using System.Security.Cryptography;
using ReportLens.Core.Deidentification.Surrogates;
using ReportLens.Core.Text;

namespace ReportLens.Core.Deidentification;

/// <summary>
/// Replaces the identifiers a <see cref="PhiDetector"/> finds with surrogates and keeps the map back to the
/// original. One instance is one run: without a key its random key makes surrogates agree across the reports it
/// sees; medical text between identifiers is copied unchanged.
/// </summary>
public sealed class Deidentifier
{
    private readonly DeidOptions _options;
    private readonly PhiDetector _detector;
    private readonly KeyedHash _hash;

    public Deidentifier(DeidOptions? options = null)
    {
        _options = options ?? DeidOptions.Default;
        if (_options.Key is { Length: < 16 })
        {
            throw new ArgumentException("a de-identification key needs at least 16 bytes", nameof(options));
        }

        _detector = new PhiDetector(_options.StaffNames);
        _hash = new KeyedHash(_options.Key ?? RandomNumberGenerator.GetBytes(32));
    }

    /// <param name="patientId">Whose report this is: their dates move by the same days in every report. Without it
    /// the first 身份证号, record number or name in the report stands for the patient.</param>
    public DeidResult Deidentify(string text, string? patientId = null, CancellationToken cancellationToken = default)
    {
        var spans = _detector.Find(text, cancellationToken);
        var shift = ShiftDays(patientId ?? Patient(spans) ?? text);
        var writer = new SurrogateWriter(_hash, _options.Key is not null, _options.Mode, LanguageDetector.Detect(text), shift);
        var output = new System.Text.StringBuilder(text.Length);
        var replacements = new List<Replacement>(spans.Count);
        var cursor = 0;
        foreach (var span in spans)
        {
            output.Append(text, cursor, span.Start - cursor);
            var surrogate = writer.For(span);
            replacements.Add(new Replacement(span, output.Length, output.Length + surrogate.Length, surrogate));
            output.Append(surrogate);
            cursor = span.End;
        }

        output.Append(text, cursor, text.Length - cursor);
        return new DeidResult { OriginalText = text, Text = output.ToString(), Replacements = replacements, DateShiftDays = shift };
    }

    private static string? Patient(IReadOnlyList<PhiSpan> spans) =>
        (spans.FirstOrDefault(s => s.Type == PhiType.IdNumber)
            ?? spans.FirstOrDefault(s => s.Type == PhiType.RecordNumber)
            ?? spans.FirstOrDefault(s => s.Type == PhiType.Name))?.Text;

    // Within ±730 days, never 0; the same patient always moves by the same days under the same key.
    private int ShiftDays(string patient)
    {
        var h = _hash.Of("date-shift", patient);
        var days = 1 + KeyedHash.Pick(h, 0, 730);
        return h[31] % 2 == 0 ? days : -days;
    }
}
