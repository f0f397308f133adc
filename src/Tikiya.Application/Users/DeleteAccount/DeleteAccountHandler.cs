using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Users.DeleteAccount;

/// <summary>
/// API.md: with the password, deletes the account and everything attached to it in one transaction (sessions and
/// their tokens, codes, unsent mails: the foreign keys cascade), under the account's lock so no login racing it opens
/// a session, so every token of it gets 401 at once and the email can register again. A notice goes to the address,
/// not attached to the account that no longer exists.
/// </summary>
internal sealed partial class DeleteAccountHandler(IApplicationDbContext db, PasswordConfirmation passwords, AccountMails mails,
    TimeProvider time, ILogger<DeleteAccountHandler> logger)
    : ICommandHandler<DeleteAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await passwords.ConfirmCallerAsync(command.Password, cancellationToken);

        var now = time.GetUtcNow();
        db.Users.Entry(user).State = EntityState.Detached; // deleted below in one statement; the save must not touch it
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await passwords.LockAccountAsync(user, cancellationToken);
        mails.QueueNotice(user, MailTemplates.AccountDeleted, now, attached: false);
        await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the notice, with the deletion or not at all
        await transaction.CommitAsync(cancellationToken);
        LogDeleted(user.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    private partial void LogDeleted(Guid userId);
}
