using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Sessions;

/// <summary>
/// One statement: the UPDATE ends the sessions (waiting for a refresh racing it, as the EF Core one would), the DELETE
/// ends the device tokens, and the INSERT records the event only when it ended any session, so a repeat records
/// nothing. PostgreSQL runs every data-modifying WITH whether or not the statement reads it, in one snapshot.
/// </summary>
internal sealed class LogoutEverywhere(TikiyaDbContext db) : ILogoutEverywhere
{
    private const string Sql = """
        WITH forgotten_devices AS (
            DELETE FROM device_tokens WHERE user_id = @user_id
        ), revoked AS (
            UPDATE sessions SET revoked_at = @occurred_at WHERE user_id = @user_id AND revoked_at IS NULL
            RETURNING id
        ), recorded AS (
            INSERT INTO security_events (id, user_id, type, occurred_at, ip_address, user_agent)
            SELECT @id, @user_id, @type, @occurred_at, @ip_address, @user_agent WHERE EXISTS (SELECT 1 FROM revoked)
        )
        SELECT count(*)::int AS "Value" FROM revoked
        """;

    public async Task<int> RevokeAllAsync(SecurityEvent loggedOutEverywhere, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loggedOutEverywhere);
        NpgsqlParameter[] parameters =
        [
            new NpgsqlParameter<Guid>("id", loggedOutEverywhere.Id),
            new NpgsqlParameter<Guid>("user_id", loggedOutEverywhere.UserId),
            new NpgsqlParameter<string>("type", SecurityEventTypeNames.Of(loggedOutEverywhere.Type)),
            new NpgsqlParameter<DateTimeOffset>("occurred_at", loggedOutEverywhere.OccurredAt),
            new NpgsqlParameter("ip_address", NpgsqlDbType.Inet) { Value = (object?)loggedOutEverywhere.IpAddress ?? DBNull.Value },
            new NpgsqlParameter("user_agent", NpgsqlDbType.Varchar) { Value = (object?)loggedOutEverywhere.UserAgent ?? DBNull.Value },
        ];
        // Not composed (SingleAsync would wrap it in a subquery): a WITH that writes must be the statement's top level.
        var counts = await db.Database.SqlQueryRaw<int>(Sql, parameters).ToListAsync(cancellationToken);
        return counts.Single();
    }
}
