using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Sessions;

/// <summary>
/// One UPDATE, as SessionRevocation's (it waits for a refresh racing it, then applies all the same; sessions already
/// ended keep their time), with the DELETE of the device tokens in its WITH: PostgreSQL runs a data-modifying WITH
/// whether or not the statement reads it, in the same snapshot, and the count returned is the UPDATE's.
/// </summary>
internal sealed class SignOutEverywhere(TikiyaDbContext db) : ISignOutEverywhere
{
    public Task<int> SignOutEverywhereAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            WITH forgotten_devices AS (DELETE FROM device_tokens WHERE user_id = {userId})
            UPDATE sessions SET revoked_at = {now} WHERE user_id = {userId} AND revoked_at IS NULL
            """, cancellationToken);
}
