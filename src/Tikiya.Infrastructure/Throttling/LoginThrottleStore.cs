using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Throttling;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Throttling;

/// <summary>
/// Keeps <see cref="LoginThrottle"/> rows in PostgreSQL. Attempts for one email take turns on its row lock, for a
/// short transaction only (the password is checked after it commits), so concurrent guesses are all counted.
/// </summary>
internal sealed class LoginThrottleStore(TikiyaDbContext db, ThrottlePolicy policy) : ILoginThrottleStore
{
    public async Task<TimeSpan?> BeginAttemptAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Make sure the row exists, then lock it: the first attempts for a new email race on the insert, not the update.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO login_throttles (key, consecutive_failures) VALUES ({key}, 0) ON CONFLICT (key) DO NOTHING",
            cancellationToken);
        var throttle = await db.LoginThrottles
            .FromSql($"SELECT * FROM login_throttles WHERE key = {key} FOR UPDATE")
            .SingleAsync(cancellationToken);

        var retryAfter = throttle.BeginAttempt(now, policy);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return retryAfter;
    }

    public async Task ResetAsync(string key, CancellationToken cancellationToken) =>
        await db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);
}
