using System.Globalization;

namespace Tikiya.Api.Resilience;

/// <summary>
/// One log line per refusal (429, 503, a bad bearer token) with the client address and the path, but at most
/// <see cref="LinesPerWindow"/> lines per kind per <see cref="Window"/> on each instance: past them a flood is counted,
/// not written, and one line says how many were left out when the window ends, so a flood cannot fill the disk. It
/// writes no token, no email, no query string: only what the request line's path and the connection show.
/// </summary>
internal sealed partial class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger) : IDisposable
{
    public const int LinesPerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<RefusalKind, OpenWindow> _windows = [];

    public void Record(HttpContext context, RefusalKind kind, int status, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool write;
        lock (_gate)
        {
            if (!_windows.TryGetValue(kind, out var window))
            {
                // The window starts with its first refusal, so an instance that refuses nothing runs no timer.
                window = new OpenWindow(time.CreateTimer(state => Close((RefusalKind)state!), kind, Window, Timeout.InfiniteTimeSpan));
                _windows[kind] = window;
            }

            write = window.Written < LinesPerWindow;
            if (write)
            {
                window.Written++;
            }
            else
            {
                window.Suppressed++;
            }
        }

        if (write)
        {
            // IPv4 as IPv4 (Kestrel's dual-stack socket maps it), as sessions, events and the log scope write it.
            var address = context.Connection.RemoteIpAddress;
            var client = (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString() ?? "unknown";
            LogRefused(context.Request.Method, context.Request.Path.Value ?? "/", client, status, kind, reason);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var window in _windows.Values)
            {
                window.Timer.Dispose();
            }

            _windows.Clear();
        }
    }

    private void Close(RefusalKind kind)
    {
        OpenWindow? window;
        lock (_gate)
        {
            if (_windows.Remove(kind, out window))
            {
                window.Timer.Dispose();
            }
        }

        if (window is { Suppressed: > 0 })
        {
            LogSuppressed(window.Suppressed, kind, Window.TotalSeconds.ToString(CultureInfo.InvariantCulture), LinesPerWindow);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} from {ClientAddress}: {Status} {Refusal} ({Reason})")]
    private partial void LogRefused(string method, string path, string clientAddress, int status, RefusalKind refusal, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Suppressed {Suppressed} {Refusal} refusals in the last {WindowSecs} s: past {LinesPerWindow} lines a window, a refusal is counted, not written")]
    private partial void LogSuppressed(int suppressed, RefusalKind refusal, string windowSecs, int linesPerWindow);

    private sealed class OpenWindow(ITimer timer)
    {
        public ITimer Timer { get; } = timer;

        public int Written { get; set; }

        public int Suppressed { get; set; }
    }
}
