using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;

namespace Tikiya.Application.Mfa.EnrolTotp;

/// <summary>
/// API.md v1.1: with the password, a new secret for the caller's authenticator app, pending until a code of it is
/// confirmed; MFA stays as it was until then. Asked again before the confirmation, it replaces the pending secret (the
/// app scanned first would never match). With MFA on: 409 <c>mfa_already_enabled</c>, before the password is checked.
/// </summary>
internal sealed class EnrolTotpHandler(IApplicationDbContext db, ICaller caller, PasswordConfirmation passwords,
    ITotpSecrets secrets, TimeProvider time)
    : ICommandHandler<EnrolTotpCommand, TotpEnrolmentResponse>
{
    public async ValueTask<TotpEnrolmentResponse> Handle(EnrolTotpCommand command, CancellationToken cancellationToken)
    {
        if (await IsEnabledAsync(cancellationToken))
        {
            throw new MfaAlreadyEnabledException();
        }

        var user = await passwords.ConfirmCallerAsync(command.Password, cancellationToken);
        var now = time.GetUtcNow();
        var secret = secrets.Create(user.Id, user.Email.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await passwords.LockAccountAsync(user, cancellationToken); // two enrolments at once: one row, the later secret
        var pending = await db.TotpAuthenticators.SingleOrDefaultAsync(a => a.UserId == user.Id, cancellationToken);
        if (pending is { IsConfirmed: true })
        {
            throw new MfaAlreadyEnabledException(); // confirmed meanwhile
        }

        if (pending is null)
        {
            db.TotpAuthenticators.Add(TotpAuthenticator.Enrol(user.Id, secret.Stored, now));
        }
        else
        {
            pending.Restart(secret.Stored, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TotpEnrolmentResponse(secret.Base32, secret.OtpauthUri);
    }

    private Task<bool> IsEnabledAsync(CancellationToken cancellationToken) =>
        db.TotpAuthenticators.AnyAsync(TotpAuthenticator.OnFor(caller.UserId), cancellationToken);
}
