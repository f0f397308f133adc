using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Throttling;

namespace Tikiya.Application.Auth.Maintenance;

internal sealed class PurgeExpiredHandler(IApplicationDbContext db, ThrottlePolicy throttlePolicy, TimeProvider time)
    : ICommandHandler<PurgeExpiredCommand, PurgeResult>
{
    public async ValueTask<PurgeResult> Handle(PurgeExpiredCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // An expired token is refused whether or not its row is there; a revoked or expired session, likewise. Rotated
        // tokens stay until they expire, because presenting one again is how theft is detected.
        var refreshTokens = await db.RefreshTokens.Where(t => t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.Sessions.Where(Session.EndedAt(now))
            .ExecuteDeleteAsync(cancellationToken); // their remaining tokens go with them (ON DELETE CASCADE)
        var forgotten = now - throttlePolicy.Lockout;
        var abandoned = now - LoginThrottle.AbandonedAfter; // a row with attempts in flight still holds their places
        var throttles = await db.LoginThrottles
            .Where(t => (t.LockedUntil == null || t.LockedUntil <= now) && (t.LastFailureAt == null || t.LastFailureAt <= forgotten)
                && (t.LastReservedAt == null || t.LastReservedAt <= abandoned))
            .ExecuteDeleteAsync(cancellationToken);
        // Codes are single use and short-lived; a mail's row is kept only until it is sent or given up (its content,
        // the code, is already gone then); a request limit only as long as it limits anything.
        var codes = await db.EmailCodes.Where(c => c.UsedAt != null || c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.OutboxMails.Where(m => m.SentAt != null || m.GaveUpAt != null).ExecuteDeleteAsync(cancellationToken);
        var idleSince = now - AddressRequestLimit.Window;
        var limits = await db.AddressRequestLimits.Where(l => l.LastRequestAt <= idleSince).ExecuteDeleteAsync(cancellationToken);
        return new PurgeResult(sessions, refreshTokens, throttles, codes, mails, limits);
    }
}
