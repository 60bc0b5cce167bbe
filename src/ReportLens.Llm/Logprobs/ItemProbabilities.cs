using System.Text;
using System.Text.Json;
using ReportLens.Core.Annotations;

namespace ReportLens.Llm.Logprobs;

/// <summary>
/// The model's own probability for each item of a reply, from its tokens: for every value that decides the item —
/// a highlight's category and negation, a classification's category (the verdict), a finding's text and negation, a
/// score — the probability of the value's first token (where the choice between "abnormal" and "location", true and
/// false, 是 and 否 is made); an item's probability is their product. One per item of the type's list
/// (highlights, classifications, findings, scores), in the reply's order.
/// </summary>
internal static class ItemProbabilities
{
    public static IReadOnlyList<double>? Compute(AnnotationType type, IReadOnlyList<TokenLogprob> tokens)
    {
        var (list, fields) = type switch
        {
            AnnotationType.Highlight => ("highlights", new[] { "category", "negated" }),
            AnnotationType.Classification => ("classifications", ["category"]),
            AnnotationType.Extraction => ("findings", ["text", "negated"]),
            _ => ("scores", ["score"]),
        };
        var (bytes, ends) = Concat(tokens);
        var json = Array.IndexOf(bytes, (byte)'{');
        if (json < 0)
        {
            return null;
        }

        try
        {
            return Walk(bytes.AsSpan(json), json, ends, tokens, list, fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<double>? Walk(ReadOnlySpan<byte> json, int offset, int[] ends, IReadOnlyList<TokenLogprob> tokens, string list, string[] fields)
    {
        var reader = new Utf8JsonReader(json);
        var items = new List<double>();
        var inList = false;
        var logprob = 0.0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    inList = reader.ValueTextEquals(list);
                    break;
                case JsonTokenType.StartObject when inList && reader.CurrentDepth == 2:
                    logprob = 0;
                    break;
                case JsonTokenType.EndObject when inList && reader.CurrentDepth == 2:
                    items.Add(Math.Exp(logprob));
                    break;
                case JsonTokenType.String when inList && reader.CurrentDepth == 2:
                    items.Add(Math.Exp(First(offset + (int)reader.TokenStartIndex + 1, ends, tokens)));
                    break;
                case JsonTokenType.PropertyName when inList && reader.CurrentDepth == 3 && IsAny(ref reader, fields):
                    reader.Read();
                    var start = offset + (int)reader.TokenStartIndex + (reader.TokenType == JsonTokenType.String ? 1 : 0);
                    logprob += First(start, ends, tokens);
                    break;
                case JsonTokenType.EndArray when inList && reader.CurrentDepth == 1:
                    return items;
            }
        }

        return items;
    }

    private static bool IsAny(ref Utf8JsonReader reader, string[] names)
    {
        foreach (var name in names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The log-probability of the token that holds byte <paramref name="at"/>.</summary>
    private static double First(int at, int[] ends, IReadOnlyList<TokenLogprob> tokens)
    {
        var i = Array.BinarySearch(ends, at + 1);
        i = i < 0 ? ~i : i;
        return i < tokens.Count ? tokens[i].Logprob : 0;
    }

    /// <summary>The reply's bytes as the tokens spell them, and where each token ends.</summary>
    private static (byte[] Bytes, int[] Ends) Concat(IReadOnlyList<TokenLogprob> tokens)
    {
        var bytes = new List<byte>();
        var ends = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            bytes.AddRange(tokens[i].Bytes ?? Encoding.UTF8.GetBytes(tokens[i].Token));
            ends[i] = bytes.Count;
        }

        return ([.. bytes], ends);
    }
}
