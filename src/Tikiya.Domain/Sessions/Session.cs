using System.Linq.Expressions;
using System.Net;
using Tikiya.Domain.Common;

namespace Tikiya.Domain.Sessions;

/// <summary>
/// What one login opened: one row that holds the current refresh token (its hash and generation) and is named by the
/// <c>sid</c> of its access tokens. Revoking it ends them all at once (API.md: "Revocation is immediate"). A refresh
/// moves it to the next generation in place, so its storage stays the same however often it is refreshed.
/// </summary>
/// <remarks>
/// A session has two ends, and the earlier wins (API.md v1.1): its current refresh token's expiry, which each refresh
/// moves on, and its absolute end, a fixed time after its login (SESSION_MAX_LIFETIME_SECS) that no refresh moves. The
/// absolute end is computed from <see cref="CreatedAt"/>, never stored, so it holds for sessions opened before it
/// existed and follows the setting when it changes; <see cref="ExpiresAt"/> is kept at or before it from the login and
/// every refresh on.
/// </remarks>
public sealed class Session
{
    public const int MaxUserAgentLength = UserAgentText.MaxLength;

    /// <summary>API.md v1.1: the <c>deviceName</c> of a login holds at most 100 characters (Unicode code points).</summary>
    public const int MaxDeviceNameLength = 100;

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
        TimeSpan maxLifetime, string? userAgent, IPAddress? ipAddress, string? deviceName, bool secondFactor)
    {
        Id = id;
        SecondFactor = secondFactor;
        UserId = userId;
        CreatedAt = now;
        ExpiresAt = RefreshTokenExpiry(now, refreshTokenLifetime, maxLifetime); // the login issues the first token
        RefreshTokenHash = refreshTokenHash;
        RefreshGeneration = FirstGeneration;
        UserAgent = UserAgentText.Truncate(userAgent);
        IpAddress = ipAddress;
        DeviceName = deviceName?.Trim() is { Length: > 0 } name ? name : null;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When its current refresh token expires, at the latest its absolute end (<see cref="RefreshTokenExpiry"/>); the
    /// session is over then. Only a session opened before the absolute end existed, or before SESSION_MAX_LIFETIME_SECS
    /// was lowered, can hold a later one, and <see cref="EndsAt"/> is what ends it.
    /// </summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastRotatedAt { get; private set; }

    /// <summary>The SHA-256 of the current refresh token; null only on a session still at <see cref="LegacyGeneration"/>.</summary>
    public byte[]? RefreshTokenHash { get; private set; }

    /// <summary>Which token of the session is current: 1 at login, one more at each rotation (the token names it too).</summary>
    public long RefreshGeneration { get; private set; }

    public string? UserAgent { get; private set; }

    public IPAddress? IpAddress { get; private set; }

    /// <summary>The name the client gave its device at login (trimmed), to tell its sessions apart; null for none.</summary>
    public string? DeviceName { get; private set; }

    /// <summary>
    /// Whether its login proved the second factor as well as the password (API.md v1.1): its access tokens' <c>amr</c>
    /// is <c>["pwd","otp"]</c> then, <c>["pwd"]</c> otherwise, from the login through every refresh.
    /// </summary>
    public bool SecondFactor { get; private set; }

    /// <summary>
    /// When the session was last used, as API.md's <c>lastUsedAt</c>: its last refresh, or its login if it was never
    /// refreshed. The refresh already writes <see cref="LastRotatedAt"/> (the rotation's one statement), so this costs
    /// no write of its own; a use that does not refresh (any request with an access token) is deliberately not
    /// recorded, as that would be a write per request.
    /// </summary>
    public DateTimeOffset LastUsedAt => LastRotatedAt ?? CreatedAt;

    /// <summary>A new session's id, chosen before its first refresh token is made, since that token names it.</summary>
    public static Guid NewId(DateTimeOffset now) => Guid.CreateVersion7(now);

    /// <summary>
    /// A session opened at login. <paramref name="deviceName"/> is the login's, already validated as input; it is
    /// trimmed here, and a blank one is none.
    /// </summary>
    public static Session Open(Guid id, Guid userId, byte[] refreshTokenHash, DateTimeOffset now, TimeSpan refreshTokenLifetime,
        TimeSpan maxLifetime, string? userAgent, IPAddress? ipAddress, string? deviceName = null, bool secondFactor = false)
    {
        ArgumentNullException.ThrowIfNull(refreshTokenHash);
        return new Session(id, userId, refreshTokenHash, now, refreshTokenLifetime, maxLifetime, userAgent, ipAddress,
            deviceName, secondFactor);
    }

    /// <summary>The latest the session can end, however often refreshed: <paramref name="maxLifetime"/> after login.</summary>
    public DateTimeOffset AbsoluteEnd(TimeSpan maxLifetime) => CreatedAt + maxLifetime;

    /// <summary>When the session ends unless revoked first, as API.md's <c>expiresAt</c>: the earlier of its two ends.</summary>
    public DateTimeOffset EndsAt(TimeSpan maxLifetime) => Min(ExpiresAt, AbsoluteEnd(maxLifetime));

    /// <summary>
    /// When a refresh token of this session issued at <paramref name="issuedAt"/> (by the login or a refresh) expires,
    /// the session's <see cref="ExpiresAt"/> from then: a full refresh token lifetime, cut at the absolute end. The
    /// rotation's SQL (SessionRotation in Infrastructure) computes the same, <c>LEAST(@expires_at, created_at +
    /// @max_lifetime)</c>; its tests hold the two together.
    /// </summary>
    public DateTimeOffset RefreshTokenExpiry(DateTimeOffset issuedAt, TimeSpan refreshTokenLifetime, TimeSpan maxLifetime) =>
        Min(issuedAt + refreshTokenLifetime, AbsoluteEnd(maxLifetime));

    public bool IsActive(DateTimeOffset now, TimeSpan maxLifetime) => RevokedAt is null && now < EndsAt(maxLifetime);

    /// <summary>
    /// <see cref="IsActive"/> as a query the database runs (the per-request session check): not revoked, before its
    /// refresh token's expiry, and opened after <see cref="OpenedAfter"/> (before its absolute end).
    /// </summary>
    public static Expression<Func<Session, bool>> ActiveAt(DateTimeOffset now, TimeSpan maxLifetime)
    {
        var openedAfter = OpenedAfter(now, maxLifetime); // a parameter of the query: the column stays bare, so indexable
        return s => s.RevokedAt == null && now < s.ExpiresAt && s.CreatedAt > openedAfter;
    }

    /// <summary>
    /// The absolute end as a bound on the login: a session is before its absolute end at <paramref name="now"/> exactly
    /// when it was opened after this instant (<c>now &lt; created_at + max</c> is <c>created_at &gt; now - max</c>).
    /// </summary>
    public static DateTimeOffset OpenedAfter(DateTimeOffset now, TimeSpan maxLifetime) => now - maxLifetime;

    /// <summary>
    /// Sessions that can never be used again (the purge): revoked, or past <see cref="ExpiresAt"/>. Every session is
    /// kept at or before its absolute end from its login on, so this misses only one opened before the absolute end
    /// existed or before SESSION_MAX_LIFETIME_SECS was lowered; <see cref="ActiveAt"/> refuses it already, and it goes
    /// once its <see cref="ExpiresAt"/> passes (within one refresh token lifetime), which keeps the purge on its indexes.
    /// </summary>
    public static Expression<Func<Session, bool>> EndedAt(DateTimeOffset now) => s => s.RevokedAt != null || now >= s.ExpiresAt;

    /// <summary>
    /// <see cref="LastUsedAt"/> as a query the database runs: the order in which a login past SESSION_MAX_PER_USER ends
    /// the least recently used sessions.
    /// </summary>
    public static Expression<Func<Session, DateTimeOffset>> LastUse => s => s.LastRotatedAt ?? s.CreatedAt;

    /// <summary>Every session of the user but <paramref name="keptSessionId"/> (logout-others, a password change).</summary>
    public static Expression<Func<Session, bool>> OthersOf(Guid userId, Guid keptSessionId) =>
        s => s.UserId == userId && s.Id != keptSessionId;

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

    private static DateTimeOffset Min(DateTimeOffset first, DateTimeOffset second) => first <= second ? first : second;
}
