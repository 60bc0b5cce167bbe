using System.Globalization;
using System.Text.Json;

namespace ReportLens.OllamaEmulator.Scheduling;

/// <summary>Parses Ollama's keep_alive: a Go duration string ("5m", "1h30m", "10s") or a number of seconds; negative = forever.</summary>
internal static class KeepAlive
{
    public static TimeSpan? Parse(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }
        return element.ValueKind switch
        {
            JsonValueKind.Number => TimeSpan.FromSeconds(element.GetDouble()),
            JsonValueKind.String => ParseDuration(element.GetString() ?? ""),
            _ => null,
        };
    }

    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        var negative = text.StartsWith('-');
        var rest = text.TrimStart('-', '+');
        var total = TimeSpan.Zero;
        var i = 0;
        while (i < rest.Length)
        {
            var numberStart = i;
            while (i < rest.Length && (char.IsAsciiDigit(rest[i]) || rest[i] == '.'))
            {
                i++;
            }
            var unitStart = i;
            while (i < rest.Length && char.IsAsciiLetter(rest[i]))
            {
                i++;
            }
            if (!double.TryParse(rest.AsSpan(numberStart, unitStart - numberStart), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }
            TimeSpan? part = rest[unitStart..i] switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }
            total += part.Value;
        }
        return negative ? -total : total;
    }
}
