using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users.ConfirmEmailChange;

/// <summary>
/// API.md: switches the email to the address the code was sent to and marks it verified. Another account may have
/// taken that address since: the unique index decides, and the answer is 409 (the code stays unused then). Codes
/// and links mailed to the old address end with it: a reset link would otherwise still reach the account.
/// </summary>
internal sealed partial class ConfirmEmailChangeHandler(IApplicationDbContext db, CodeProofs proofs, AccountChangeTrail trail,
    TimeProvider time, ILogger<ConfirmEmailChangeHandler> logger)
    : ICommandHandler<ConfirmEmailChangeCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (user, code) = await proofs.CheckCallerAsync(EmailCodePurpose.ChangeEmail, command.Code, now, cancellationToken);

        var oldEmail = user.Email;
        user.ChangeEmail(Email.FromStorage(code.Address), now);
        trail.LeaveNotice(user, SecurityEventType.EmailChanged, MailTemplates.EmailChanged, now, noticeTo: oldEmail);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await proofs.SpendAsync(code, now, cancellationToken); // a use racing this one: 400, and nothing is saved
        await db.SaveChangesAsync(cancellationToken); // a taken address: EmailAlreadyRegisteredException (409), rolled back
        // After the user's row is updated (and locked): a code issued for the old address meanwhile is gone too.
        await db.EmailCodes.Where(c => c.UserId == user.Id && c.Purpose != EmailCodePurpose.ChangeEmail)
            .ExecuteDeleteAsync(cancellationToken);
        var mfaEnabled = await db.TotpAuthenticators.AnyAsync(TotpAuthenticator.OnFor(user.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(user.Id);
        return user.ToResponse(mfaEnabled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email of user {UserId} changed")]
    private partial void LogChanged(Guid userId);
}
