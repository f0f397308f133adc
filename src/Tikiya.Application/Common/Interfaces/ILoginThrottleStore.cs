namespace Tikiya.Application.Common.Interfaces;

/// <summary>Login throttling state in PostgreSQL, so every instance sees it (API.md, Throttling).</summary>
public interface ILoginThrottleStore
{
    /// <summary>
    /// Counts an attempt for <paramref name="key"/> atomically; returns how long to wait when it is throttled, else null.
    /// </summary>
    Task<TimeSpan?> BeginAttemptAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A successful login: the count starts again.</summary>
    Task ResetAsync(string key, CancellationToken cancellationToken);
}
