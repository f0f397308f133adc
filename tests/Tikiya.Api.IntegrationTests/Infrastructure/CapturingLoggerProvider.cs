using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps every log line the app writes, at every level, with its exception and the properties of its scopes (as the
/// JSON console log writes them), to search for leaks and for what a line carries.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider?> scopes)
        : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes()?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var properties = new StringBuilder();
            Append(properties, state);
            scopes()?.ForEachScope((scope, text) => Append(text, scope), properties);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {properties} {exception}");
        }

        private static void Append(StringBuilder text, object? values)
        {
            if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                text.AppendJoin(" ", pairs.Select(p => $"{p.Key}={p.Value}")).Append(' ');
            }
        }
    }
}
