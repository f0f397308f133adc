using Mediator;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Users;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Mfa.ReplaceRecoveryCodes;

/// <summary>
/// API.md v1.1: with a valid TOTP or recovery code, ten new recovery codes replace every old one (shown this once).
/// </summary>
internal sealed class ReplaceRecoveryCodesHandler(IApplicationDbContext db, ICaller caller, SecondFactorCheck check,
    RecoveryCodeSet recoveryCodes, SecurityEventRecorder events)
    : ICommandHandler<ReplaceRecoveryCodesCommand, RecoveryCodesResponse>
{
    public async ValueTask<RecoveryCodesResponse> Handle(ReplaceRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        return await check.ProveThenAsync(user, deviceThrottleKey: null, command.Code, SecondFactorUse.Change,
            async (_, now, ct) =>
            {
                events.Record(user.Id, SecurityEventType.MfaRecoveryCodesReplaced, now);
                return await recoveryCodes.ReplaceAsync(user.Id, now, ct);
            }, cancellationToken);
    }
}
