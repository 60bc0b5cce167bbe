using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReportLens.Testing;

/// <summary>Keeps every log line the server writes, at every level, so a test can prove no patient text is in them.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>
    /// Clauses of the texts (6+ characters) found in any log line, each with the level and category of the first
    /// line holding it, for the failure message.
    /// </summary>
    public IReadOnlyList<string> Leaks(IEnumerable<string> texts)
    {
        var lines = _lines.ToArray();
        return texts
            .SelectMany(t => t.Split(['。', '，', '；', '.', ',', ';', '\n', '：', ':'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(clause => clause.Length >= 6 && !clause.StartsWith("[[emulator", StringComparison.Ordinal))
            .Distinct()
            .Select(clause => (clause, line: Array.Find(lines, l => ContainsClause(l, clause))))
            .Where(leak => leak.line is not null)
            .Select(leak => $"{leak.clause} (in: {string.Join(' ', leak.line!.Split(' ', 3).Take(2))})")
            .ToList();
    }

    // A Latin clause counts only as whole words: "normal" from "Findings: normal." is not leaked by SQL naming a
    // "normalized_username" column. Chinese has no word boundaries, so any occurrence counts.
    private static bool ContainsClause(string line, string clause)
    {
        for (var at = line.IndexOf(clause, StringComparison.Ordinal); at >= 0; at = line.IndexOf(clause, at + 1, StringComparison.Ordinal))
        {
            var end = at + clause.Length;
            if (!(IsWordChar(clause[0]) && at > 0 && IsWordChar(line[at - 1])) && !(IsWordChar(clause[^1]) && end < line.Length && IsWordChar(line[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
