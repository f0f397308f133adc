using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;

namespace Tikiya.Application.Accounts;

/// <summary>
/// Finds the code a client presents, by its link token or by account and code. Anything but a usable, matching code
/// is one answer, <see cref="InvalidOrExpiredCodeException"/>; a wrong code is counted (and saved) first, so the fifth
/// spends it. A matching code is returned unspent: the caller marks it used in the save that makes its change.
/// </summary>
internal sealed class EmailCodeCheck(IApplicationDbContext db, IOneTimeCodes codes)
{
    public async Task<EmailCode> ByLinkTokenAsync(EmailCodePurpose purpose, string token, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Found through the unique index on the hash: a token of 256 random bits needs no constant-time comparison.
        var hash = codes.HashLinkToken(token);
        var code = await db.EmailCodes.SingleOrDefaultAsync(c => c.LinkTokenHash == hash && c.Purpose == purpose,
            cancellationToken);
        return code is not null && code.IsUsable(now) ? code : throw new InvalidOrExpiredCodeException();
    }

    public async Task<EmailCode> ByCodeAsync(EmailCodePurpose purpose, Guid userId, string presentedCode,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = await db.EmailCodes.SingleOrDefaultAsync(c => c.UserId == userId && c.Purpose == purpose,
            cancellationToken) ?? throw new InvalidOrExpiredCodeException();
        if (code.CheckCode(codes.HashCode(userId, presentedCode), now))
        {
            return code;
        }

        if (db.EmailCodes.Entry(code).State == EntityState.Modified) // a wrong code of a usable one: count it
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another try of this code saved first; this one is refused all the same.
            }
        }

        throw new InvalidOrExpiredCodeException();
    }

    /// <summary>Spends <paramref name="code"/> in the caller's next save; a use racing it makes that save fail.</summary>
    public static void Spend(EmailCode code, DateTimeOffset now) => code.MarkUsed(now);
}
