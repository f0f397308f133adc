using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tikiya.Application.Auth.Refresh;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Sessions;

/// <summary>
/// One conditional UPDATE of the session's row: of concurrent refreshes with one token, the row lock lets the first
/// match; the others re-check the row once it commits, find the next generation, and change nothing (API.md: exactly
/// one succeeds). The same statement reads the row as its snapshot saw it when it began (a plain SELECT in a WITH
/// sees that snapshot, while the UPDATE re-checks the newest version), which is how the caller tells a lost race from
/// reuse. The active condition is <see cref="Domain.Sessions.Session.ActiveAt"/>'s: not revoked, <c>now &lt; expires_at</c>.
/// </summary>
internal sealed class SessionRotation(TikiyaDbContext db) : ISessionRotation
{
    public async Task<RotationResult?> RotateAsync(RotationClaim claim, byte[] nextTokenHash, DateTimeOffset now,
        DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        // Typed, as it is null for a v1 token (a session still at the legacy generation holds no hash).
        var presentedHash = new NpgsqlParameter("presented_hash", NpgsqlDbType.Bytea) { Value = (object?)claim.TokenHash ?? DBNull.Value };
        var rows = await db.Database.SqlQuery<RotationResult>($"""
            WITH seen AS (
                SELECT user_id, refresh_generation FROM sessions WHERE id = {claim.SessionId}
            ), rotated AS (
                UPDATE sessions
                   SET refresh_token_hash = {nextTokenHash}, refresh_generation = refresh_generation + 1,
                       last_rotated_at = {now}, expires_at = {expiresAt}
                 WHERE id = {claim.SessionId} AND refresh_generation = {claim.Generation}
                   AND refresh_token_hash IS NOT DISTINCT FROM {presentedHash}
                   AND revoked_at IS NULL AND expires_at > {now}
                RETURNING id
            ), v1_spent AS (
                -- A v1 token that moves its session onto the row is spent like any rotated one, so that an instance
                -- of the release before, during a rolling upgrade, takes a replay of it for the reuse it is.
                UPDATE refresh_tokens SET rotated_at = {now}
                 WHERE {claim.TokenHash is null} AND session_id IN (SELECT id FROM rotated) AND rotated_at IS NULL
            )
            SELECT seen.user_id, seen.refresh_generation AS seen_generation, rotated.id IS NOT NULL AS rotated
              FROM seen LEFT JOIN rotated ON true
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault(); // none: no such session
    }
}
