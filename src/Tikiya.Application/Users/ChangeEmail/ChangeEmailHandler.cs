using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users.ChangeEmail;

/// <summary>
/// API.md: needs the password; sends a code to the new address (409 when an account has it) and a notice to the
/// old one. The email changes only when the code comes back (users/me/email/confirm). Limited like the other mail
/// requests, per new address and per account, and counted before the 409: neither a flood of mail to someone
/// else's address, nor a code guessed at by asking again, nor a search for taken addresses.
/// </summary>
internal sealed partial class ChangeEmailHandler(IApplicationDbContext db, ICaller caller, EmailChangeRequest request,
    ILogger<ChangeEmailHandler> logger)
    : ICommandHandler<ChangeEmailCommand>
{
    // A request of the same account or to the same address, sent at the same moment, saved first.
    private static readonly TimeSpan RacedRetryAfter = TimeSpan.FromSeconds(1);

    public async ValueTask<Unit> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        var newEmail = Email.Create(command.NewEmail);
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        if (newEmail.Normalized == user.NormalizedEmail)
        {
            throw new RequestValidationException(
                [new ValidationFailure(nameof(command.NewEmail), "This is already the account's email address.")]);
        }

        // The password first: without it, the 409 below must not tell an access token's holder who has an account.
        var now = await request.AdmitAsync(user, command.Password, newEmail, cancellationToken);
        await db.SaveOrRefuseAsync(RacedRetryAfter, cancellationToken); // the limits count, 409 or not
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == newEmail.Normalized, cancellationToken))
        {
            throw new EmailAlreadyRegisteredException();
        }

        await request.SendAsync(user, newEmail, now, cancellationToken);
        await db.SaveOrRefuseAsync(RacedRetryAfter, cancellationToken); // the code and both mails, or none of them
        LogRequested(user.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email change requested by user {UserId}; code sent to the new address")]
    private partial void LogRequested(Guid userId);
}
