namespace Tikiya.Domain.Sessions;

/// <summary>
/// A refresh token issued before tokens named their session (v1: 256 random bits, 43 characters), stored as the
/// SHA-256 of the token (never the token itself). No row is added: they are read so that such tokens keep
/// working until they expire (no one is logged out by the upgrade), and for reuse detection; the current one is marked
/// rotated when its token moves the session onto the session's row.
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
    /// <see cref="Session.LegacyGeneration"/>, or, once rotated, one before it. So a rotated one is reuse by the one
    /// rule (<see cref="Session.ReusedBy"/>), and so is any of them once the session moved onto its row (generation 1 on).
    /// </summary>
    public long Generation => WasRotated ? Session.LegacyGeneration - 1 : Session.LegacyGeneration;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
