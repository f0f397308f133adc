namespace Tikiya.Domain.Sessions;

/// <summary>
/// A session ends at the latest <paramref name="MaxLifetime"/> after its login, however often it is refreshed (API.md
/// v1.1, SESSION_MAX_LIFETIME_SECS), and a user holds at most <paramref name="MaxPerUser"/> active sessions
/// (SESSION_MAX_PER_USER): a login past it ends the least recently used, so no client can grow the table without bound.
/// </summary>
public sealed record SessionPolicy(TimeSpan MaxLifetime, int MaxPerUser)
{
    public TimeSpan MaxLifetime { get; } = MaxLifetime > TimeSpan.Zero
        ? MaxLifetime : throw new ArgumentOutOfRangeException(nameof(MaxLifetime), "A positive duration.");

    public int MaxPerUser { get; } = MaxPerUser > 0
        ? MaxPerUser : throw new ArgumentOutOfRangeException(nameof(MaxPerUser), "At least one session.");
}
