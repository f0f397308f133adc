using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Throttling;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Throttling;

internal sealed class LoginThrottleRows(TikiyaDbContext db) : ILoginThrottleRows
{
    public async Task<LoginThrottle> LockAsync(string key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Without one the lock would end with the statement: a bug of the caller, never a client's doing.
            throw new InvalidOperationException("A throttle row is locked only inside a transaction.");
        }

        // A row read earlier in this scope (the reservation) is stale by now: read it afresh, or a change back to a
        // value it had then would look like no change and not be saved.
        if (db.LoginThrottles.Local.FirstOrDefault(t => t.Key == key) is { } stale)
        {
            db.Entry(stale).State = EntityState.Detached;
        }

        // One statement creates the row if needed and locks it: DO UPDATE locks an existing row too, where DO NOTHING
        // would not, and there is no gap in which another attempt could delete it. Tracked, so a change is saved.
        var rows = await db.LoginThrottles.FromSql($"""
            INSERT INTO login_throttles (key, consecutive_failures, attempts_in_flight) VALUES ({key}, 0, 0)
            ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
            RETURNING *
            """).ToListAsync(cancellationToken);
        return rows.Single();
    }
}
