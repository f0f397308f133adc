using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;

namespace Tikiya.Application.Accounts;

/// <summary>
/// Finds the code a client presents, by its link token or by account and code. Anything but a usable, matching code
/// is one answer, <see cref="InvalidOrExpiredCodeException"/>. A code's try is counted by one UPDATE before it is
/// compared, so requests sent at once cannot compare more than <see cref="EmailCode.MaxAttempts"/> guesses between
/// them. A match is returned unspent: <see cref="SpendAsync"/> spends it in the transaction that makes its change.
/// </summary>
internal sealed class EmailCodeCheck(IApplicationDbContext db, IOneTimeCodes codes)
{
    public async Task<EmailCode> ByLinkTokenAsync(EmailCodePurpose purpose, string token, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Found through the unique index on the hash: a token of 256 random bits needs no constant-time comparison.
        var hash = codes.HashLinkToken(token);
        var code = await db.EmailCodes.AsNoTracking()
            .SingleOrDefaultAsync(c => c.LinkTokenHash == hash && c.Purpose == purpose, cancellationToken);
        return code is not null && code.IsUsable(now) ? code : throw new InvalidOrExpiredCodeException();
    }

    public async Task<EmailCode> ByCodeAsync(EmailCodePurpose purpose, Guid userId, string presentedCode,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ofAccount = db.EmailCodes.Where(c => c.UserId == userId && c.Purpose == purpose);
        var counted = await ofAccount.Where(EmailCode.UsableAt(now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        var code = counted == 1 ? await ofAccount.AsNoTracking().SingleOrDefaultAsync(cancellationToken) : null;
        var presentedHash = codes.HashCode(userId, presentedCode);
        return code is not null && CryptographicOperations.FixedTimeEquals(presentedHash, code.CodeHash)
            ? code
            : throw new InvalidOrExpiredCodeException();
    }

    /// <summary>Spends <paramref name="code"/>; a use racing this one already spent it, or it expired meanwhile: 400.</summary>
    public async Task SpendAsync(EmailCode code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var spent = await db.EmailCodes.Where(c => c.Id == code.Id).Where(EmailCode.SpendableAt(now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (spent != 1)
        {
            throw new InvalidOrExpiredCodeException();
        }
    }
}
