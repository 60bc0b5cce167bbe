using System.Globalization;
using ReportLens.Core.Deidentification.Detection;
using ReportLens.Core.Text;

namespace ReportLens.Core.Deidentification.Surrogates;

/// <summary>
/// The surrogates of one report: the same identifier gets the same surrogate (a name mentioned twice, a phone
/// written two ways), dates move by the patient's shift, ages over 89 become "90+".
/// </summary>
internal sealed class SurrogateWriter(KeyedHash hash, bool keyed, SurrogateMode mode, ReportLanguage language, int shiftDays)
{
    private readonly Dictionary<(PhiType, string), string> _assigned = [];
    private readonly Dictionary<PhiType, int> _counters = [];
    private static PhiLexicon Lexicon => PhiDetector.Lexicon;

    public string For(PhiSpan span)
    {
        if (span.Type == PhiType.Date)
        {
            return DateShifter.Shift(span.Text, shiftDays) ?? Placeholder(span.Type, Normalise(span));
        }

        if (span.Type == PhiType.Age)
        {
            return "90+";
        }

        var key = (span.Type, Normalise(span));
        if (!_assigned.TryGetValue(key, out var surrogate))
        {
            surrogate = mode == SurrogateMode.Realistic ? Realistic(span, hash.Of(span.Type.ToCode(), key.Item2)) : Placeholder(span.Type, key.Item2);
            _assigned[key] = surrogate;
        }

        return surrogate;
    }

    private string Placeholder(PhiType type, string normalised)
    {
        var (zh, en) = Lexicon.Placeholders[type];
        var tag = keyed
            ? KeyedHash.Tag(hash.Of(type.ToCode(), normalised))
            : (_counters[type] = _counters.GetValueOrDefault(type) + 1).ToString(CultureInfo.InvariantCulture);
        return language == ReportLanguage.Zh
            ? (keyed ? $"[{zh}-{tag}]" : $"[{zh}{tag}]")
            : $"[{en}-{tag}]";
    }

    private string Realistic(PhiSpan span, byte[] h) => span.Type switch
    {
        PhiType.Name => Names.Invent(span.Text, h, Lexicon),
        PhiType.IdNumber => ShapedDigits.ResidentId(span.Text.ToUpperInvariant(), h, shiftDays),
        PhiType.Phone => ShapedDigits.Phone(span.Text, h, Lexicon),
        PhiType.RecordNumber => ShapedDigits.Replace(span.Text, h),
        PhiType.Address => Places.Address(span.Text, h, Lexicon),
        PhiType.Organisation => Places.Organisation(span.Text, h, Lexicon),
        _ => span.Text.Contains('@') ? $"user{KeyedHash.Tag(h).ToLowerInvariant()}@example.org" : Placeholder(span.Type, Normalise(span)),
    };

    // Two spellings of one identifier share a surrogate: 138-1234-5678 and 13812345678, zy2023001 and ZY2023001.
    private static string Normalise(PhiSpan span) => span.Type switch
    {
        PhiType.Phone or PhiType.IdNumber or PhiType.RecordNumber =>
            new string([.. span.Text.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]),
        _ => span.Text.Trim(),
    };
}
