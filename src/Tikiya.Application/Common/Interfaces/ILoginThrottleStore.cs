namespace Tikiya.Application.Common.Interfaces;

/// <summary>Login throttling state in PostgreSQL, so every instance sees it (API.md, Throttling).</summary>
public interface ILoginThrottleStore
{
    /// <summary>
    /// Starts a transaction on the application's database context and locks the throttle row of
    /// <paramref name="key"/> (creating it): concurrent attempts for one email wait for each other. Everything the
    /// caller changes through the context is saved with the throttle when the attempt completes.
    /// </summary>
    Task<ILoginAttempt> BeginAsync(string key, CancellationToken cancellationToken);
}
