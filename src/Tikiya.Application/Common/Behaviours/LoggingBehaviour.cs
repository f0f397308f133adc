using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Tikiya.Application.Common.Behaviours;

/// <summary>
/// Logs which message ran and for how long. Only the message's type name: commands carry passwords and tokens, so the
/// message itself is never logged (STYLE.md §5).
/// </summary>
internal sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return await next(message, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogHandled(MessageName, elapsed.TotalMilliseconds);
        }
    }

    private static readonly string MessageName = typeof(TMessage).Name;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {MessageName} in {ElapsedMilliseconds:0.0} ms")]
    private partial void LogHandled(string messageName, double elapsedMilliseconds);
}
