using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Users;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// Resolves an <see cref="ICodeProof"/> to its account and usable, matching code (see <see cref="EmailCodeCheck"/>); or,
/// for a code the caller was mailed (users/me/email/confirm), the caller's account and that code.
/// </summary>
internal sealed class CodeProofs(IApplicationDbContext db, ICaller caller, EmailCodeCheck check)
{
    public async Task<(User User, EmailCode Code)> CheckAsync(ICodeProof proof, EmailCodePurpose purpose, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        EmailCode code;
        if (proof.Token is { } token)
        {
            code = await check.ByLinkTokenAsync(purpose, token, now, cancellationToken);
        }
        else
        {
            var email = Email.ForLookup(proof.Email!);
            var userId = await db.Users.Where(u => u.NormalizedEmail == email.Normalized).Select(u => (Guid?)u.Id)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new InvalidOrExpiredCodeException();
            code = await check.ByCodeAsync(purpose, userId, proof.Code!, now, cancellationToken);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == code.UserId, cancellationToken)
            ?? throw new InvalidOrExpiredCodeException();
        // A verification or reset code proves the address it was mailed to: once the account has moved to another
        // one (an email change confirmed meanwhile), it proves nothing about the account.
        return Email.ForLookup(code.Address).Normalized == user.NormalizedEmail ? (user, code) : throw new InvalidOrExpiredCodeException();
    }

    /// <summary>The caller's account (tracked; gone is 401) and its usable <paramref name="purpose"/> code, if <paramref name="code"/> matches it.</summary>
    public async Task<(User User, EmailCode Code)> CheckCallerAsync(EmailCodePurpose purpose, string code, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.FindCallerAsync(caller, cancellationToken);
        return (user, await check.ByCodeAsync(purpose, user.Id, code, now, cancellationToken));
    }

    /// <inheritdoc cref="EmailCodeCheck.SpendAsync"/>
    public Task SpendAsync(EmailCode code, DateTimeOffset now, CancellationToken cancellationToken) =>
        check.SpendAsync(code, now, cancellationToken);
}
