using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Users;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Mfa.ConfirmTotp;

/// <summary>
/// API.md v1.1: a right code of the pending secret switches MFA on and answers the account's first recovery codes,
/// shown this once; the <c>mfa_enabled</c> event and a notice mail commit with it. Its step is the last accepted, so
/// the same code cannot then finish a login. Wrong codes count in the login throttle, as everywhere.
/// </summary>
internal sealed partial class ConfirmTotpHandler(IApplicationDbContext db, ICaller caller, SecondFactorCheck check,
    RecoveryCodeSet recoveryCodes, AccountChangeTrail trail, ILogger<ConfirmTotpHandler> logger)
    : ICommandHandler<ConfirmTotpCommand, RecoveryCodesResponse>
{
    public async ValueTask<RecoveryCodesResponse> Handle(ConfirmTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        var codes = await check.ProveThenAsync(user, deviceThrottleKey: null, command.Code, SecondFactorUse.Confirm,
            async (_, now, ct) =>
            {
                trail.LeaveNotice(user, SecurityEventType.MfaEnabled, MailTemplates.MfaEnabled, now);
                return await recoveryCodes.ReplaceAsync(user.Id, now, ct);
            }, cancellationToken);
        LogEnabled(user.Id);
        return codes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} switched two-step sign-in on")]
    private partial void LogEnabled(Guid userId);
}
