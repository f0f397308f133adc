namespace Tikiya.Domain.Sessions;

/// <summary>
/// A session ends at the latest <paramref name="MaxLifetime"/> after its login, however often it is refreshed (API.md
/// v1.1, SESSION_MAX_LIFETIME_SECS).
/// </summary>
public sealed record SessionPolicy(TimeSpan MaxLifetime)
{
    public TimeSpan MaxLifetime { get; } = MaxLifetime > TimeSpan.Zero
        ? MaxLifetime : throw new ArgumentOutOfRangeException(nameof(MaxLifetime), "A positive duration.");
}
