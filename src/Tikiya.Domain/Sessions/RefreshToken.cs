namespace Tikiya.Domain.Sessions;

/// <summary>
/// A refresh token issued before tokens named their session (v1: 256 random bits, 43 characters), stored as the
/// SHA-256 of the token (never the token itself). Nothing writes these rows any more: they are read so that such tokens
/// keep working until they expire (no one is logged out by the upgrade), and for reuse detection.
/// </summary>
/// <remarks>
/// The end of this path: once JWT_REFRESH_TOKEN_TTL_SECS (30 days by default) has passed since every instance runs the
/// release that stopped writing this table, every row in it has expired and the purge has deleted it. A later release
/// can then drop the table, this class and the v1 branch (LegacyRefreshTokens in the Application layer); a session still
/// at <see cref="Session.LegacyGeneration"/> then has no usable token left and simply expires.
/// </remarks>
public sealed class RefreshToken
{
    private RefreshToken() { } // for EF Core

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When a newer token replaced this one; null while it was its session's current token.</summary>
    public DateTimeOffset? RotatedAt { get; private set; }

    public bool WasRotated => RotatedAt is not null;

    /// <summary>
    /// The generation this token stands for on its session: the current one of a session still at
    /// <see cref="Session.LegacyGeneration"/>, or, once rotated, one before it. So a rotated one, or the last one after
    /// it moved its session into the current scheme, is reuse by the one rule (<see cref="Session.ReusedBy"/>).
    /// </summary>
    public long Generation => WasRotated ? Session.LegacyGeneration - 1 : Session.LegacyGeneration;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
