using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Devices;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Throttling;

namespace Tikiya.Application.Auth.Maintenance;

internal sealed class PurgeExpiredHandler([FromKeyedServices(IApplicationDbContext.BackgroundWork)] IApplicationDbContext db,
    ThrottlePolicy throttlePolicy, TimeProvider time)
    : ICommandHandler<PurgeExpiredCommand, PurgeResult>
{
    private static readonly TimeSpan CrowdingLookback = TimeSpan.FromDays(2);

    public async ValueTask<PurgeResult> Handle(PurgeExpiredCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var batch = command.BatchSize;
        // The refresh tokens issued before tokens named their session: an expired one is refused whether or not its row
        // is there. Rotated ones stay until they expire, as presenting one again is how theft is detected; so the table
        // empties itself within JWT_REFRESH_TOKEN_TTL_SECS of the upgrade (RefreshToken says what can go then).
        var refreshTokens = await db.RefreshTokens.Where(t => t.ExpiresAt <= now).DeleteInBatchesAsync(batch, cancellationToken);
        var sessions = await db.Sessions.Where(Session.EndedAt(now))
            .DeleteInBatchesAsync(batch, cancellationToken); // their remaining v1 tokens go with them (ON DELETE CASCADE)
        var forgotten = now - throttlePolicy.Lockout;
        var abandoned = now - LoginThrottle.AbandonedAfter; // a row with attempts in flight still holds their places
        var throttles = await db.LoginThrottles
            .Where(t => (t.LockedUntil == null || t.LockedUntil <= now) && (t.LastFailureAt == null || t.LastFailureAt <= forgotten)
                && (t.LastReservedAt == null || t.LastReservedAt <= abandoned))
            .DeleteInBatchesAsync(batch, cancellationToken);
        // Codes are single use and short-lived; a mail's row is kept only until it is sent or given up (its content,
        // the code, is already gone then); a request limit only as long as it limits anything.
        var codes = await db.EmailCodes.Where(c => c.UsedAt != null || c.ExpiresAt <= now).DeleteInBatchesAsync(batch, cancellationToken);
        var mails = await db.OutboxMails.Where(m => m.SentAt != null || m.GaveUpAt != null).DeleteInBatchesAsync(batch, cancellationToken);
        var idleSince = now - AddressRequestLimit.Window;
        var limits = await db.AddressRequestLimits.Where(l => l.LastRequestAt <= idleSince).DeleteInBatchesAsync(batch, cancellationToken);
        var devices = await db.DeviceTokens.Where(DeviceToken.ExpiredAt(now)).DeleteInBatchesAsync(batch, cancellationToken);
        var events = await PurgeSecurityEventsAsync(now, batch, cancellationToken);
        var challenges = await db.MfaChallenges.Where(MfaChallenge.ExpiredAt(now)).DeleteInBatchesAsync(batch, cancellationToken);
        var enrolments = await db.TotpAuthenticators.Where(TotpAuthenticator.AbandonedAt(now))
            .DeleteInBatchesAsync(batch, cancellationToken);
        return new PurgeResult(sessions, refreshTokens, throttles, codes, mails, limits, devices, events, challenges, enrolments);
    }

    /// <summary>
    /// API.md v1.1 keeps events 90 days; within them the newest <see cref="SecurityEvent.KeptPerAccountAndType"/> of
    /// each type of each account stay, so an account's history is bounded however busy it is.
    /// </summary>
    private async Task<int> PurgeSecurityEventsAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        var expiredBefore = now - SecurityEvent.RetainedFor;
        var expired = await db.SecurityEvents.Where(e => e.OccurredAt <= expiredBefore)
            .DeleteInBatchesAsync(batch, cancellationToken);
        // Few accounts go past the bound between two purges (a flood of failed logins, at most
        // LOGIN_THROTTLE_MAX_FAILURES per lockout), so find them first, then trim each on its index. Only an account
        // with an event since the last runs can have gone past it: the lookback (two days, twice the longest
        // PURGE_INTERVAL_SECS) keeps this from reading every account's 90 days on every run of every instance.
        var recentlyActive = db.SecurityEvents.Where(e => e.OccurredAt > now - CrowdingLookback).Select(e => e.UserId);
        var crowded = await db.SecurityEvents
            .Where(e => recentlyActive.Contains(e.UserId))
            .GroupBy(e => new { e.UserId, e.Type })
            .Where(events => events.Count() > SecurityEvent.KeptPerAccountAndType)
            .Select(events => events.Key)
            .ToListAsync(cancellationToken);
        var beyondKept = 0;
        foreach (var (userId, type) in crowded.Select(key => (key.UserId, key.Type)))
        {
            beyondKept += await db.SecurityEvents
                .Where(e => e.UserId == userId && e.Type == type)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Skip(SecurityEvent.KeptPerAccountAndType)
                .DeleteInBatchesAsync(batch, cancellationToken);
        }

        return expired + beyondKept;
    }
}
