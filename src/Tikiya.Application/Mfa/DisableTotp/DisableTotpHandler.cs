using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Users;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Mfa.DisableTotp;

/// <summary>
/// API.md v1.1: with a valid TOTP or recovery code, switches MFA off: the authenticator, the recovery codes and any
/// login's pending second step go, with the <c>mfa_disabled</c> event and a notice mail, in one transaction. Sessions
/// stay as they are.
/// </summary>
internal sealed partial class DisableTotpHandler(IApplicationDbContext db, ICaller caller, SecondFactorCheck check,
    RecoveryCodeSet recoveryCodes, AccountChangeTrail trail, ILogger<DisableTotpHandler> logger)
    : ICommandHandler<DisableTotpCommand>
{
    public async ValueTask<Unit> Handle(DisableTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        await check.ProveThenAsync(user, deviceThrottleKey: null, command.Code, SecondFactorUse.Change,
            async (authenticator, now, ct) =>
            {
                db.TotpAuthenticators.Remove(authenticator);
                await recoveryCodes.DeleteAllAsync(user.Id, ct);
                await db.MfaChallenges.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
                trail.LeaveNotice(user, SecurityEventType.MfaDisabled, MailTemplates.MfaDisabled, now);
                return Unit.Value;
            }, cancellationToken);
        LogDisabled(user.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} switched two-step sign-in off")]
    private partial void LogDisabled(Guid userId);
}
