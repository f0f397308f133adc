using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;

namespace Tikiya.Application.Mfa.GetMfaStatus;

internal sealed class GetMfaStatusHandler(IApplicationDbContext db, ICaller caller)
    : IQueryHandler<GetMfaStatusQuery, MfaStatusResponse>
{
    public async ValueTask<MfaStatusResponse> Handle(GetMfaStatusQuery query, CancellationToken cancellationToken)
    {
        var userId = caller.UserId;
        // One round trip; a pending enrolment is not "on".
        var status = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                EnabledAt = db.TotpAuthenticators.Where(a => a.UserId == u.Id).Select(a => a.ConfirmedAt).FirstOrDefault(),
                Remaining = db.RecoveryCodes.Count(c => c.UserId == u.Id && c.UsedAt == null), // RecoveryCode.UnusedOf's
            })
            .SingleOrDefaultAsync(cancellationToken);
        return status is { EnabledAt: { } enabledAt }
            ? new MfaStatusResponse(true, enabledAt, status.Remaining)
            : new MfaStatusResponse(false, null, 0);
    }
}
