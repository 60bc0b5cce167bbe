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

    /// <summary>Clauses of the texts (6+ characters) found in any log line, for the failure message.</summary>
    public IReadOnlyList<string> Leaks(IEnumerable<string> texts)
    {
        var all = string.Join('\n', _lines);
        return texts
            .SelectMany(t => t.Split(['。', '，', '；', '.', ',', ';', '\n', '：', ':'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(clause => clause.Length >= 6 && !clause.StartsWith("[[emulator", StringComparison.Ordinal))
            .Distinct()
            .Where(clause => all.Contains(clause, StringComparison.Ordinal))
            .ToList();
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
