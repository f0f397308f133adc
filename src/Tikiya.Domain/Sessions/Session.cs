using System.Linq.Expressions;
using System.Net;

namespace Tikiya.Domain.Sessions;

/// <summary>
/// What one login opened: one row that holds the current refresh token (its hash and generation) and is named by the
/// <c>sid</c> of its access tokens. Revoking it ends them all at once (API.md: "Revocation is immediate"). A refresh
/// moves it to the next generation in place, so its storage stays the same however often it is refreshed.
/// </summary>
public sealed class Session
{
    public const int MaxUserAgentLength = 512;

    /// <summary>The generation of the first token of a session, the one login hands out.</summary>
    public const long FirstGeneration = 1;

    /// <summary>
    /// The generation of a session opened before refresh tokens named their session: its current token is still a row
    /// in <c>refresh_tokens</c> (<see cref="RefreshToken"/>) and <see cref="RefreshTokenHash"/> is null until that token
    /// rotates it into the current scheme (generation 1 on).
    /// </summary>
    public const long LegacyGeneration = 0;

    private Session() { } // for EF Core

    private Session(Guid id, Guid userId, byte[] refreshTokenHash, DateTimeOffset now, TimeSpan refreshTokenLifetime,
        string? userAgent, IPAddress? ipAddress)
    {
        Id = id;
        UserId = userId;
        CreatedAt = now;
        ExpiresAt = now + refreshTokenLifetime;
        RefreshTokenHash = refreshTokenHash;
        RefreshGeneration = FirstGeneration;
        UserAgent = Truncate(userAgent);
        IpAddress = ipAddress;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its current refresh token expires; the session is over then.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastRotatedAt { get; private set; }

    /// <summary>The SHA-256 of the current refresh token; null only on a session still at <see cref="LegacyGeneration"/>.</summary>
    public byte[]? RefreshTokenHash { get; private set; }

    /// <summary>Which token of the session is current: 1 at login, one more at each rotation (the token names it too).</summary>
    public long RefreshGeneration { get; private set; }

    public string? UserAgent { get; private set; }

    public IPAddress? IpAddress { get; private set; }

    /// <summary>A new session's id, chosen before its first refresh token is made, since that token names it.</summary>
    public static Guid NewId(DateTimeOffset now) => Guid.CreateVersion7(now);

    public static Session Open(Guid id, Guid userId, byte[] refreshTokenHash, DateTimeOffset now, TimeSpan refreshTokenLifetime,
        string? userAgent, IPAddress? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(refreshTokenHash);
        return new Session(id, userId, refreshTokenHash, now, refreshTokenLifetime, userAgent, ipAddress);
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary><see cref="IsActive"/> as a query the database runs (the per-request session check).</summary>
    public static Expression<Func<Session, bool>> ActiveAt(DateTimeOffset now) => s => s.RevokedAt == null && now < s.ExpiresAt;

    /// <summary>The opposite of <see cref="ActiveAt"/>: sessions that can never be used again (the purge).</summary>
    public static Expression<Func<Session, bool>> EndedAt(DateTimeOffset now) => s => s.RevokedAt != null || now >= s.ExpiresAt;

    /// <summary>
    /// The reuse rule, in one place: a genuine token of session <paramref name="sessionId"/> whose generation the
    /// session has already moved past was rotated before, so someone kept a copy, and API.md revokes the whole session.
    /// Generations only grow, so this holds for the session's whole life, however old the token.
    /// </summary>
    public static Expression<Func<Session, bool>> ReusedBy(Guid sessionId, long presentedGeneration) =>
        s => s.Id == sessionId && s.RefreshGeneration > presentedGeneration;

    /// <summary>The session whose current token this is: its generation, and its hash (256 random bits) matching.</summary>
    public static Expression<Func<Session, bool>> HoldingRefreshToken(Guid sessionId, long generation, byte[] tokenHash) =>
        s => s.Id == sessionId && s.RefreshGeneration == generation && s.RefreshTokenHash == tokenHash;

    /// <summary>
    /// The session a genuine token of <paramref name="generation"/> belongs to (logout): its current token when the hash
    /// matches, or one it has rotated past (a rotated token still names its session, which its client means to end).
    /// </summary>
    public static Expression<Func<Session, bool>> OfRefreshToken(Guid sessionId, long generation, byte[] tokenHash) =>
        s => s.Id == sessionId
            && (s.RefreshGeneration > generation || (s.RefreshGeneration == generation && s.RefreshTokenHash == tokenHash));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    // Never cut between the two halves of a surrogate pair: half a character cannot be stored as UTF-8.
    private static string? Truncate(string? userAgent)
    {
        if (userAgent is not { Length: > MaxUserAgentLength })
        {
            return userAgent;
        }

        var length = char.IsHighSurrogate(userAgent[MaxUserAgentLength - 1]) ? MaxUserAgentLength - 1 : MaxUserAgentLength;
        return userAgent[..length];
    }
}
