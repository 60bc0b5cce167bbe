using System.Globalization;

namespace ReportLens.OllamaEmulator.Wire;

internal static class WireTime
{
    /// <summary>RFC 3339 with fractional seconds, as Ollama (Go) writes timestamps.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;
}
