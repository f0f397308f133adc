using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users.ConfirmEmailChange;

/// <summary>
/// API.md: switches the email to the address the code was sent to and marks it verified. Another account may have
/// taken that address since: the unique index decides, and the answer is 409 (the code stays unused then).
/// </summary>
internal sealed partial class ConfirmEmailChangeHandler(IApplicationDbContext db, ICurrentUser caller, EmailCodeCheck check,
    AccountMails mails, TimeProvider time, ILogger<ConfirmEmailChangeHandler> logger)
    : ICommandHandler<ConfirmEmailChangeCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        var now = time.GetUtcNowForStorage();
        var code = await check.ByCodeAsync(EmailCodePurpose.ChangeEmail, user.Id, command.Code, now, cancellationToken);

        var oldEmail = user.Email;
        code.MarkUsed(now);
        user.ChangeEmail(Email.FromStorage(code.Address), now);
        // Codes and links mailed to the old address must not outlive it (a reset link would still reach the account).
        db.EmailCodes.RemoveRange(await db.EmailCodes
            .Where(c => c.UserId == user.Id && c.Purpose != EmailCodePurpose.ChangeEmail).ToListAsync(cancellationToken));
        mails.QueueNotice(user, MailTemplates.EmailChanged, now, recipient: oldEmail);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // a taken address: EmailAlreadyRegisteredException (409)
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOrExpiredCodeException(); // used by a request racing this one
        }

        LogChanged(user.Id);
        return user.ToResponse();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email of user {UserId} changed")]
    private partial void LogChanged(Guid userId);
}
