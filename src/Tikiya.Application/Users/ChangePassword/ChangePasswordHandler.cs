using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.ChangePassword;

/// <summary>
/// API.md: checks the current password (a wrong one counts in the login throttle), hashes the new one with nothing
/// held, then under the account's lock sets it, ends every other session of the account (the caller's stays) and
/// queues the notice, in one transaction.
/// </summary>
internal sealed partial class ChangePasswordHandler(IApplicationDbContext db, ICaller caller, PasswordChange passwords,
    TimeProvider time, ILogger<ChangePasswordHandler> logger)
    : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        await passwords.ConfirmCurrentAsync(user, command.CurrentPassword, cancellationToken);
        var passwordHash = await passwords.HashAsync(command.NewPassword, cancellationToken);

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await passwords.SetAsync(user, passwordHash, SecurityEventType.PasswordChanged, now, cancellationToken);
        var ended = await db.Sessions.Where(Session.OthersOf(user.Id, caller.SessionId))
            .RevokeAsync(now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the new hash, the notice and the event, with the sessions' end
        await transaction.CommitAsync(cancellationToken);
        LogChanged(user.Id, ended);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of user {UserId} changed; {SessionCount} other sessions ended")]
    private partial void LogChanged(Guid userId, int sessionCount);
}
