using Tikiya.Domain.Throttling;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>One login attempt holding its email's throttle row; disposing it without completing changes nothing.</summary>
public interface ILoginAttempt : IAsyncDisposable
{
    LoginThrottle Throttle { get; }

    /// <summary>Saves every change of the context and commits, releasing the row for the next attempt.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
