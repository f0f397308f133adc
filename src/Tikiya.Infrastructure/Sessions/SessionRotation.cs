using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tikiya.Application.Auth.Refresh;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Sessions;

/// <summary>
/// One conditional UPDATE of the session's row: of concurrent refreshes with one token, the row lock lets the first
/// match; the others re-check the row once it commits, find the next generation, and change nothing (API.md: exactly
/// one succeeds). The same statement reads the row as its snapshot saw it when it began (a plain SELECT in a WITH
/// sees that snapshot, while the UPDATE re-checks the newest version), which is how the caller tells a lost race from
/// reuse. The active condition is <see cref="Domain.Sessions.Session.ActiveAt"/>'s: not revoked, <c>now &lt; expires_at</c>,
/// opened after <see cref="Domain.Sessions.Session.OpenedAfter"/>; the new expiry is
/// <see cref="Domain.Sessions.Session.RefreshTokenExpiry"/>'s: a full lifetime, cut at the row's absolute end.
/// </summary>
internal sealed class SessionRotation(TikiyaDbContext db) : ISessionRotation
{
    private const string Sql = """
        WITH seen AS (
            SELECT user_id, refresh_generation, second_factor FROM sessions WHERE id = @session_id
        ), rotated AS (
            UPDATE sessions
               SET refresh_token_hash = @next_hash, refresh_generation = refresh_generation + 1,
                   last_rotated_at = @now, expires_at = LEAST(@expires_at, created_at + @max_lifetime)
             WHERE id = @session_id AND refresh_generation = @generation
               AND refresh_token_hash IS NOT DISTINCT FROM @presented_hash
               AND revoked_at IS NULL AND expires_at > @now AND created_at > @opened_after
            RETURNING id
        ), v1_spent AS (
            -- A v1 token that moves its session onto the row is spent like any rotated one, so that an instance of
            -- the release before, during a rolling upgrade, takes a replay of it for the reuse it is.
            UPDATE refresh_tokens SET rotated_at = @now
             WHERE @v1 AND session_id IN (SELECT id FROM rotated) AND rotated_at IS NULL
        )
        SELECT seen.user_id, seen.refresh_generation AS seen_generation, rotated.id IS NOT NULL AS rotated,
               seen.second_factor
          FROM seen LEFT JOIN rotated ON true
        """;

    public async Task<RotationResult?> RotateAsync(RotationClaim claim, byte[] nextTokenHash, DateTimeOffset now,
        DateTimeOffset expiresAt, TimeSpan maxLifetime, CancellationToken cancellationToken)
    {
        var parameters = Parameters(claim, nextTokenHash, now, expiresAt, maxLifetime);
        var rows = await db.Database.SqlQueryRaw<RotationResult>(Sql, parameters).ToListAsync(cancellationToken);
        return rows.SingleOrDefault(); // none: no such session
    }

    private static NpgsqlParameter[] Parameters(RotationClaim claim, byte[] nextTokenHash, DateTimeOffset now,
        DateTimeOffset expiresAt, TimeSpan maxLifetime)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return
        [
            new NpgsqlParameter<Guid>("session_id", claim.SessionId),
            new NpgsqlParameter<long>("generation", claim.Generation),
            // Typed, as it is null for a v1 token (a session still at the legacy generation holds no hash).
            new NpgsqlParameter("presented_hash", NpgsqlDbType.Bytea) { Value = (object?)claim.TokenHash ?? DBNull.Value },
            new NpgsqlParameter<byte[]>("next_hash", nextTokenHash),
            new NpgsqlParameter<DateTimeOffset>("now", now),
            new NpgsqlParameter<DateTimeOffset>("expires_at", expiresAt),
            // An interval of microseconds only: one with days would add calendar days in the server's time zone, an
            // hour off across a change to or from summer time, where the domain adds exact durations.
            new NpgsqlParameter<NpgsqlInterval>("max_lifetime",
                new NpgsqlInterval(0, 0, maxLifetime.Ticks / TimeSpan.TicksPerMicrosecond)),
            new NpgsqlParameter<DateTimeOffset>("opened_after", Session.OpenedAfter(now, maxLifetime)),
            new NpgsqlParameter<bool>("v1", claim.TokenHash is null),
        ];
    }
}
