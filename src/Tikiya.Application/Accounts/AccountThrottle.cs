using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// The login throttle row of an email (API.md, Throttling), and the account's lock. A password check reserves its
/// attempt first, in a short transaction of its own, then hashes with nothing held. Whatever settles a login, and any
/// change that ends sessions or the account (reset, password change, deletion), takes the row's lock in its own
/// transaction and reads the account under it: a login either settled before such a change (which then ends its
/// session) or sees it, so no session opened with an old password outlives the change. A login from a known device of
/// the account reserves and counts in the device's row instead (API.md v1.1); the account's lock stays the email's row.
/// </summary>
internal sealed class AccountThrottle(IApplicationDbContext db, ThrottleRows rows, ThrottlePolicy policy,
    SecurityEventRecorder events, TimeProvider time)
{
    private const int LoggedFingerprintLength = 12;
    // A hash takes tens of milliseconds: ask again soon, then less and less often, so a burst of logins for one email
    // costs a dozen short transactions each at most, not one every few milliseconds. About 2 s in all.
    private const int BusyTries = 12;
    private static readonly TimeSpan FirstBusyPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestBusyPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Takes a place for one attempt on <paramref name="email"/> and commits at once, before any hash. Throttled:
    /// <see cref="LoginThrottledException"/>. While the attempts in flight could still use up the email's remaining
    /// tries, it asks again, less often each time, about two seconds at most (then 429 for a second). Called before the
    /// caller changes anything, as it saves the context.
    /// </summary>
    public Task<LoginAttempt> ReserveAsync(Email email, CancellationToken cancellationToken) =>
        ReserveAsync(email, deviceThrottleKey: null, cancellationToken);

    /// <summary>
    /// As <see cref="ReserveAsync(Email, CancellationToken)"/>, but a login from a known device of the account
    /// (<paramref name="deviceThrottleKey"/>) reserves and counts in the device's own row instead of the email's
    /// (API.md v1.1): the failures of others on the email do not throttle it, and its own do not throttle the email.
    /// </summary>
    public async Task<LoginAttempt> ReserveAsync(Email email, string? deviceThrottleKey, CancellationToken cancellationToken)
    {
        var emailKey = rows.KeyOf(email);
        var key = deviceThrottleKey ?? emailKey;
        for (var tries = 1; ; tries++)
        {
            var now = time.GetUtcNow();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var throttle = await rows.LockAsync(key, cancellationToken);
                var outcome = throttle.Reserve(now, policy);
                if (outcome == ReservationOutcome.Throttled)
                {
                    throw new LoginThrottledException(throttle.RetryAfter(now) ?? BusyRetryAfter);
                }

                if (outcome == ReservationOutcome.Reserved)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return new LoginAttempt(this, email, emailKey, key, now);
                }
            }

            if (tries == BusyTries)
            {
                throw new LoginThrottledException(BusyRetryAfter);
            }

            var pause = Math.Min(FirstBusyPause.TotalMilliseconds * Math.Pow(2, tries - 1), LongestBusyPause.TotalMilliseconds);
            await Task.Delay(TimeSpan.FromMilliseconds(pause), cancellationToken); // real time: it waits for other requests
        }
    }

    /// <summary>In the caller's open transaction, waits for and takes the account's lock: its throttle row, fresh.</summary>
    public Task<LoginThrottle> LockAsync(Email email, CancellationToken cancellationToken) =>
        rows.LockAsync(email, cancellationToken);

    /// <summary>In the caller's open transaction, the row an attempt reserved in, fresh and locked.</summary>
    internal Task<LoginThrottle> LockAsync(string key, CancellationToken cancellationToken) => rows.LockAsync(key, cancellationToken);

    /// <summary>
    /// A failed attempt counts even when its request is gone: the guess was made. On an account (<paramref
    /// name="userId"/>), its <c>login_failed</c> event is saved with the count, and <c>login_throttled</c> with it when
    /// this failure locks the account's logins. No flood grows them without bound: the reservation lets at most
    /// LOGIN_THROTTLE_MAX_FAILURES failures through per lockout, so an account gains at most that many events and one
    /// lockout per LOGIN_THROTTLE_LOCKOUT_SECS however many requests come, and the purge keeps the newest of each type.
    /// </summary>
    internal Task RecordFailureAsync(string key, DateTimeOffset now, Guid? userId) =>
        UpdateAsync(key, throttle =>
        {
            throttle.RecordFailure(now, policy);
            if (userId is { } accountId)
            {
                events.Record(accountId, SecurityEventType.LoginFailed, now);
                if (throttle.LockedUntil == now + policy.Lockout) // what RecordFailure sets when this failure locks
                {
                    events.Record(accountId, SecurityEventType.LoginThrottled, now);
                }
            }
        });

    /// <summary>An attempt whose password was never checked leaves no trace, whatever became of its request.</summary>
    internal Task GiveBackAsync(string key) => UpdateAsync(key, throttle => throttle.GiveBack());

    /// <summary>What logs show instead of the address: the start of its keyed fingerprint.</summary>
    public string EmailForLog(Email email) => LoggedFingerprint(rows.KeyOf(email));

    internal static string LoggedFingerprint(string key) => key[..LoggedFingerprintLength];

    private async Task UpdateAsync(string key, Action<LoginThrottle> change)
    {
        // A failure or a give-back comes when the attempt's own unit of work failed or never began: whatever it tracked
        // (a session, an event, a code's step) was rolled back or is to be dropped, and must not ride on this save.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        change(await rows.LockAsync(key, CancellationToken.None));
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
