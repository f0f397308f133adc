using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users.ChangeEmail;

/// <summary>
/// API.md: needs the password; sends a code to the new address (409 when an account has it) and a notice to the
/// old one. The email changes only when the code comes back (users/me/email/confirm).
/// </summary>
internal sealed partial class ChangeEmailHandler(IApplicationDbContext db, ICurrentUser caller, PasswordConfirmation passwords,
    AccountMails mails, TimeProvider time, ILogger<ChangeEmailHandler> logger) : ICommandHandler<ChangeEmailCommand>
{
    public async ValueTask<Unit> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        var newEmail = Email.Create(command.NewEmail);
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        if (newEmail.Normalized == user.NormalizedEmail)
        {
            throw new RequestValidationException(
                [new ValidationFailure(nameof(command.NewEmail), "This is already the account's email address.")]);
        }

        var now = time.GetUtcNowForStorage();
        // The password first: without it, the 409 below must not tell an access token's holder who has an account.
        await passwords.ConfirmAsync(user, command.Password, now, cancellationToken);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == newEmail.Normalized, cancellationToken))
        {
            throw new EmailAlreadyRegisteredException();
        }

        await mails.IssueCodeAsync(user, EmailCodePurpose.ChangeEmail, newEmail, now, cancellationToken);
        mails.QueueNotice(user, MailTemplates.EmailChangeRequested, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // the code and both mails, or none of them
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same account's other request, sent at the same moment, issued its code first: one of the two wins.
            throw new TooManyRequestsException(TimeSpan.FromSeconds(1));
        }

        LogRequested(user.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email change requested by user {UserId}; code sent to the new address")]
    private partial void LogRequested(Guid userId);
}
