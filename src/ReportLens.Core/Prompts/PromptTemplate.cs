using System.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Core.Prompts;

/// <summary>
/// A template with {name} placeholders, split once into literal and placeholder parts so a value that itself
/// contains "{report_text}" (a user prompt, a report) is never substituted again.
/// </summary>
internal sealed class PromptTemplate
{
    private readonly IReadOnlyList<(bool IsPlaceholder, string Text)> _parts;

    private PromptTemplate(IReadOnlyList<(bool, string)> parts) => _parts = parts;

    public static PromptTemplate Parse(string template)
    {
        var parts = new List<(bool, string)>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0 || !IsName(template.AsSpan(open + 1, close - open - 1)))
            {
                var end = open < 0 || close < 0 ? template.Length : open + 1;
                parts.Add((false, template[position..end]));
                position = end;
                continue;
            }

            parts.Add((false, template[position..open]));
            parts.Add((true, template[(open + 1)..close]));
            position = close + 1;
        }

        return new PromptTemplate(parts);
    }

    public string Render(params ReadOnlySpan<(string Name, string Value)> values)
    {
        var builder = new StringBuilder();
        foreach (var (isPlaceholder, text) in _parts)
        {
            builder.Append(isPlaceholder ? Lookup(text, values) : text);
        }

        return builder.ToString();
    }

    private static string Lookup(string name, ReadOnlySpan<(string Name, string Value)> values)
    {
        foreach (var (candidate, value) in values)
        {
            if (candidate == name)
            {
                return value;
            }
        }

        throw new InvalidOperationException($"Prompt template placeholder '{{{name}}}' has no value.");
    }

    private static bool IsName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterLower(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
