using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;

namespace Tikiya.Application.Auth.ResetPassword;

/// <summary>
/// Check the code, hash the new password with nothing held, then settle in one transaction (API.md): the password,
/// the email verified (the code came through it), every session ended, the login throttle cleared, the notice queued.
/// </summary>
internal sealed partial class ResetPasswordHandler(IApplicationDbContext db, CodeProofs proofs, PasswordConfirmation passwords,
    AccountMails mails, IEmailFingerprinter fingerprinter, TimeProvider time, ILogger<ResetPasswordHandler> logger)
    : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var (user, code) = await proofs.CheckAsync(command, EmailCodePurpose.ResetPassword, time.GetUtcNowForStorage(),
            cancellationToken);
        var passwordHash = await passwords.HashAsync(command.NewPassword, cancellationToken);

        var now = time.GetUtcNowForStorage();
        code.MarkUsed(now);
        user.ChangePasswordHash(passwordHash);
        user.VerifyEmail(now);
        mails.QueueNotice(user, MailTemplates.PasswordChanged, now);
        var throttleKey = fingerprinter.Fingerprint(user.Email);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Sessions.Where(s => s.UserId == user.Id).RevokeAsync(now, cancellationToken);
        await db.LoginThrottles.Where(t => t.Key == throttleKey).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // a second use of this code, racing, fails here (xmin)
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOrExpiredCodeException(); // the transaction rolls back: nothing of this reset stays
        }

        await transaction.CommitAsync(cancellationToken);
        LogReset(user.Id, ended);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of user {UserId} reset; {SessionCount} sessions ended")]
    private partial void LogReset(Guid userId, int sessionCount);
}
