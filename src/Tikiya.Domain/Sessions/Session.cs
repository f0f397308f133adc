using System.Linq.Expressions;
using System.Net;

namespace Tikiya.Domain.Sessions;

/// <summary>
/// What one login opened: the chain of refresh tokens that rotate from it, and the access tokens that name it in their
/// <c>sid</c>. Revoking it ends them all at once (API.md: "Revocation is immediate").
/// </summary>
public sealed class Session
{
    public const int MaxUserAgentLength = 512;

    private readonly List<RefreshToken> _tokens = [];

    private Session() { } // for EF Core

    private Session(Guid userId, DateTimeOffset now, string? userAgent, IPAddress? ipAddress)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        CreatedAt = now;
        UserAgent = Truncate(userAgent);
        IpAddress = ipAddress;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its newest refresh token expires; the session is over then.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastRotatedAt { get; private set; }

    public string? UserAgent { get; private set; }

    public IPAddress? IpAddress { get; private set; }

    /// <summary>PostgreSQL's xmin: of two rotations that read the same version, the second fails to save.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<RefreshToken> Tokens => _tokens.AsReadOnly();

    public static Session Open(Guid userId, byte[] refreshTokenHash, DateTimeOffset now, TimeSpan refreshTokenLifetime,
        string? userAgent, IPAddress? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(refreshTokenHash);
        var session = new Session(userId, now, userAgent, ipAddress);
        session.AddToken(refreshTokenHash, now, refreshTokenLifetime);
        return session;
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary><see cref="IsActive"/> as a query the database runs (the per-request session check).</summary>
    public static Expression<Func<Session, bool>> ActiveAt(DateTimeOffset now) => s => s.RevokedAt == null && now < s.ExpiresAt;

    /// <summary>The opposite of <see cref="ActiveAt"/>: sessions that can never be used again (the purge).</summary>
    public static Expression<Func<Session, bool>> EndedAt(DateTimeOffset now) => s => s.RevokedAt != null || now >= s.ExpiresAt;

    /// <summary>Spends <paramref name="presented"/> and makes <paramref name="nextTokenHash"/> the current token.</summary>
    public RotationOutcome Rotate(RefreshToken presented, byte[] nextTokenHash, DateTimeOffset now, TimeSpan refreshTokenLifetime)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(nextTokenHash);
        if (presented.SessionId != Id)
        {
            throw new ArgumentException("The token belongs to another session.", nameof(presented));
        }

        if (!IsActive(now) || presented.IsExpired(now))
        {
            return RotationOutcome.Rejected;
        }

        if (presented.WasRotated)
        {
            Revoke(now); // an old token came back, so someone kept a copy: API.md revokes the whole session
            return RotationOutcome.ReuseDetected;
        }

        presented.MarkRotated(now);
        LastRotatedAt = now; // EF checks xmin only on rows it updates: touch the root, not only the children
        AddToken(nextTokenHash, now, refreshTokenLifetime);
        return RotationOutcome.Rotated;
    }

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

    private void AddToken(byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = new RefreshToken(Id, tokenHash, now, lifetime);
        _tokens.Add(token);
        ExpiresAt = token.ExpiresAt;
    }
}
