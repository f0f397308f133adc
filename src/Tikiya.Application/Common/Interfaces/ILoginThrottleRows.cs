using Tikiya.Domain.Throttling;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>Login throttle rows in PostgreSQL, so every instance sees them (API.md, Throttling).</summary>
public interface ILoginThrottleRows
{
    /// <summary>
    /// In the caller's open transaction, locks the row of <paramref name="key"/> (creating it) and returns it tracked:
    /// whoever else locks it waits for that transaction to end.
    /// </summary>
    Task<LoginThrottle> LockAsync(string key, CancellationToken cancellationToken);
}
