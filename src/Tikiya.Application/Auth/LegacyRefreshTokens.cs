using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Auth.Refresh;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth;

/// <summary>
/// The v1 branch: refresh tokens issued before tokens named their session, found through their hash in
/// <c>refresh_tokens</c>, so that an upgrade logs no one out. It goes with that table, once nothing in it can match:
/// JWT_REFRESH_TOKEN_TTL_SECS after the upgrade (see <see cref="RefreshToken"/>).
/// </summary>
internal static class LegacyRefreshTokens
{
    /// <summary>
    /// The rotation a v1 token asks for: its session at <see cref="RefreshToken.Generation"/>, whose row holds no hash
    /// yet (the row of the token is the proof); null for an unknown or expired token, refused with nothing changed.
    /// </summary>
    public static async Task<RotationClaim?> ClaimAsync(this IApplicationDbContext db, LegacyRefreshToken presented,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await db.RefreshTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == presented.Hash, cancellationToken);
        return token is null || token.IsExpired(now) ? null : new RotationClaim(token.SessionId, token.Generation, TokenHash: null);
    }

    /// <summary>The session of a v1 token, rotated or not (logout ends it either way).</summary>
    public static IQueryable<Session> SessionsOf(this IApplicationDbContext db, LegacyRefreshToken presented) =>
        db.Sessions.Where(s => db.RefreshTokens.Any(t => t.SessionId == s.Id && t.TokenHash == presented.Hash));
}
