using Tikiya.Application.Auth.Refresh;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The write of a refresh, as one statement and one round trip (raw SQL, so it lives in Infrastructure: EF Core's
/// ExecuteUpdate returns no column, and the answer needs the user id). It commits on its own, being one statement.
/// </summary>
public interface ISessionRotation
{
    /// <summary>
    /// Moves the session from the claimed generation to the next (<paramref name="nextTokenHash"/>, expiring at
    /// <paramref name="expiresAt"/>, or at the session's absolute end, <paramref name="maxLifetime"/> after its login,
    /// if that is sooner: <see cref="Domain.Sessions.Session.RefreshTokenExpiry"/>) only while that generation and hash
    /// are current and the session is active (<see cref="Domain.Sessions.Session.ActiveAt"/>); null when there is no
    /// such session. Of concurrent rotations with one claim, exactly one matches.
    /// </summary>
    Task<RotationResult?> RotateAsync(RotationClaim claim, byte[] nextTokenHash, DateTimeOffset now, DateTimeOffset expiresAt,
        TimeSpan maxLifetime, CancellationToken cancellationToken);
}
