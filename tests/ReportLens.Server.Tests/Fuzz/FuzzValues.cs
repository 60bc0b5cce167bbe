using System.Globalization;
using System.Text;
using CsCheck;

namespace ReportLens.Server.Tests.Fuzz;

/// <summary>
/// What a careless client or an attacker sends: plausible words, control characters, lone surrogates, huge and
/// odd numbers, wrong types, deep nesting and malformed JSON.
/// </summary>
public static class FuzzValues
{
    private static readonly string[] Words =
    [
        "", " ", "CT", "MR", "DX", "胸部", "zh", "en", "xx", "rules", "llm", "hybrid", "highlight", "classification",
        "extraction", "scoring", "admin", "viewer", "radiologist", "qwen2.5:7b", "no-such-model:1b", "bad model!!",
        "2024-01-31", "2024-13-45", "危急", "pending", "running", "done", "true", "-1", "0", "1", "1e999", "NaN",
        "' OR 1=1 --", "../../etc/passwd", "=1+1", "<script>alert(1)</script>", "%00", "双肺纹理清晰，未见实质性病变。",
        "Mild cardiomegaly. No pneumothorax.", "password-123", "\u202e", "\ufeff",
    ];

    /// <summary>Text with one forbidden or odd character inside.</summary>
    public static Gen<string> Control { get; } = Gen.Select(Gen.OneOf(Words), Gen.Int[0, 0x20], Gen.OneOf('\u007f', '\ud800', '\udc00', '\u0085', '\u2028'), Gen.Bool,
        (word, c0, other, useC0) => word + (useC0 ? (char)c0 : other) + "x");

    /// <summary>Over the report limit (100,000 characters), still under the body limit: rejected before any work.</summary>
    public static Gen<string> Huge { get; } = Gen.OneOf(100_001, 150_000, 600_000).Select(n => new string('肺', n));

    public static Gen<string> Text { get; } = Gen.Frequency<string>(
        (6, Gen.OneOf(Words)),
        (3, Control),
        (2, Gen.Char.Array[0, 40].Select(c => new string(c))),
        (1, Gen.Int[300, 3000].Select(n => new string('a', n))));

    public static Gen<string> Number { get; } = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999"),
        Gen.OneOf("0", "-0", "99999999999999999999999", "1e999", "-1", "2147483648", "1.5"));

    public static Gen<string> Scalar { get; } = Gen.Frequency<string>(
        (5, Text.Select(JsonString)),
        (3, Number),
        (2, Gen.OneOf("null", "true", "false")));

    /// <summary>A JSON value of any type, nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> Value(int depth) => depth == 0 ? Scalar : Gen.Frequency<string>(
        (6, Scalar),
        (1, Value(depth - 1).Array[0, 4].Select(items => "[" + string.Join(',', items) + "]")),
        (1, Gen.Select(Gen.OneOf(Words).Array[0, 3], Value(depth - 1).Array[3], (keys, values) =>
            "{" + string.Join(',', keys.Select((k, i) => JsonString(k) + ":" + values[i])) + "}")));

    /// <summary>A body for an endpoint: its own fields with wrong or odd values, or something that is not such an object at all.</summary>
    public static Gen<string?> Body(IReadOnlyList<string> fields) => Gen.Frequency<string?>(
        (8, Gen.Select(Gen.Bool.Array[fields.Count], Value(2).Array[fields.Count], Gen.Bool, Gen.Frequency<string>((9, Value(2)), (1, Huge.Select(JsonString))),
            (include, values, extra, extraValue) =>
            {
                var members = fields.Select((f, i) => include[i] ? JsonString(f) + ":" + values[i] : null).OfType<string>().ToList();
                if (extra || members.Count == 0)
                {
                    members.Add(JsonString(fields.Count > 0 ? fields[members.Count % fields.Count] : "text") + ":" + extraValue);
                }

                return (string?)("{" + string.Join(',', members) + "}");
            })),
        (1, Gen.Int[65, 5000].Select(d => (string?)(new string('[', d) + new string(']', d)))),
        (1, Gen.Int[65, 3000].Select(d => (string?)(string.Concat(Enumerable.Repeat("{\"a\":", d)) + "1" + new string('}', d)))),
        (1, Gen.OneOf<string?>(null, "", "{", "[1,2", "{\"a\":1,}", "nul", "\"just a string\"", "42", "[]", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}")),
        (1, Value(3).Select(v => (string?)v)));

    /// <summary>A JSON string literal, escaping by hand so lone surrogates and control characters reach the wire as sent.</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                _ when c < ' ' || char.IsSurrogate(c) => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    /// <summary>A query or route value: percent-encoded as UTF-8 (a lone surrogate becomes %EF%BF%BD, as a browser sends it).</summary>
    public static Gen<string> UrlValue { get; } = Gen.Frequency<string>((8, Text), (2, Number), (1, Gen.OneOf("%", "%zz", "%00", "a&b=c", "[]", "1,2")))
        .Select(v => v.StartsWith('%') ? v : Uri.EscapeDataString(v.Length > 1500 ? v[..1500] : v.Replace('\ud800', '?').Replace('\udc00', '?')));
}
