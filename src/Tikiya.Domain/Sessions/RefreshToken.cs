namespace Tikiya.Domain.Sessions;

/// <summary>
/// One refresh token of a session, stored as the SHA-256 of the token the client holds (never the token itself).
/// Rotated tokens are kept until they expire: presenting one again is how theft is detected (API.md).
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken() { } // for EF Core

    internal RefreshToken(Guid sessionId, byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = Guid.CreateVersion7(now);
        SessionId = sessionId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When a newer token replaced this one; null while it is the session's current token.</summary>
    public DateTimeOffset? RotatedAt { get; private set; }

    public bool WasRotated => RotatedAt is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    internal void MarkRotated(DateTimeOffset now) => RotatedAt ??= now;
}
