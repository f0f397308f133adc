using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Auth.ResetPassword;

/// <summary>
/// Check the code, hash the new password with nothing held, then settle under the account's lock (API.md): the
/// code spent, the password, the email verified (the code came through it), every session ended, the login throttle
/// cleared and the notice queued, in one transaction.
/// </summary>
internal sealed partial class ResetPasswordHandler(IApplicationDbContext db, CodeProofs proofs, PasswordChange passwords,
    TimeProvider time, ILogger<ResetPasswordHandler> logger)
    : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var (user, code) = await proofs.CheckAsync(command, EmailCodePurpose.ResetPassword, time.GetUtcNow(),
            cancellationToken);
        var passwordHash = await passwords.HashAsync(command.NewPassword, cancellationToken);

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var throttle = await passwords.SetAsync(user, passwordHash, SecurityEventType.PasswordReset, now, cancellationToken);
        await proofs.SpendAsync(code, now, cancellationToken); // a use racing this one: 400, and nothing is saved
        user.VerifyEmail(now);
        var ended = await db.Sessions.Where(s => s.UserId == user.Id).RevokeAsync(now, cancellationToken);
        // A reset says the password may be someone else's too: a device token copied with it keeps no throttle of its own.
        await db.DeviceTokens.Where(d => d.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        throttle.ClearFailures(); // API.md: the reset clears the login throttle of that email
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogReset(user.Id, ended);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of user {UserId} reset; {SessionCount} sessions ended")]
    private partial void LogReset(Guid userId, int sessionCount);
}
