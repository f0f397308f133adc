using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Throttling;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Throttling;

/// <summary>
/// Keeps <see cref="LoginThrottle"/> rows in PostgreSQL. An attempt holds its row's lock in a transaction until it
/// completes, so attempts for one email take turns and each sees every failure before it.
/// </summary>
internal sealed class LoginThrottleStore(TikiyaDbContext db) : ILoginThrottleStore
{
    public async Task<ILoginAttempt> BeginAsync(string key, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // One statement creates the row if needed and locks it: DO UPDATE locks an existing row too, where
            // DO NOTHING would not, and there is no gap in which another attempt could delete it.
            var rows = await db.LoginThrottles.FromSql($"""
                INSERT INTO login_throttles (key, consecutive_failures) VALUES ({key}, 0)
                ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
                RETURNING *
                """).ToListAsync(cancellationToken);
            return new LoginAttempt(db, transaction, rows.Single());
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private sealed class LoginAttempt(TikiyaDbContext db, IDbContextTransaction transaction, LoginThrottle throttle) : ILoginAttempt
    {
        public LoginThrottle Throttle => throttle;

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync(); // rolls back unless completed
    }
}
