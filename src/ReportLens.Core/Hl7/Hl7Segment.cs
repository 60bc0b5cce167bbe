using System.Text;

namespace ReportLens.Core.Hl7;

/// <summary>
/// One segment, its fields kept raw (still escaped) until read. Field numbers are HL7's: for MSH, MSH-1 is the
/// field separator itself and MSH-2 the encoding characters.
/// </summary>
public sealed class Hl7Segment(string name, IReadOnlyList<string> fields, Hl7Delimiters delimiters, Encoding encoding)
{
    public string Name { get; } = name;

    /// <summary>The raw text of field <paramref name="number"/> (all repetitions), "" when absent.</summary>
    public string Raw(int number)
    {
        if (Name == "MSH")
        {
            return number switch
            {
                1 => delimiters.Field.ToString(),
                _ => number - 1 < fields.Count && number >= 2 ? fields[number - 1] : "",
            };
        }

        return number >= 1 && number < fields.Count ? fields[number] : "";
    }

    /// <summary>The raw repetitions of a field (one empty string when the field is empty).</summary>
    public IReadOnlyList<string> Repetitions(int number) =>
        Name == "MSH" && number <= 2 ? [Raw(number)] : Raw(number).Split(delimiters.Repetition);

    /// <summary>
    /// One component (1-based) of the first repetition, unescaped; its first subcomponent when it has several.
    /// Null when empty.
    /// </summary>
    public string? Value(int field, int component = 1)
    {
        if (Name == "MSH" && field <= 2)
        {
            return Raw(field);
        }

        var components = Repetitions(field)[0].Split(delimiters.Component);
        if (component > components.Length)
        {
            return null;
        }

        var value = Hl7Escape.Decode(components[component - 1].Split(delimiters.Subcomponent)[0], delimiters, encoding).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Every repetition of a text field, unescaped whole (a TX/FT/ST value is one string, not components).</summary>
    public IEnumerable<string> Texts(int field) =>
        Repetitions(field).Select(r => Hl7Escape.Decode(r, delimiters, encoding));
}
