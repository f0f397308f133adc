using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Accounts;

internal static class RacedSave
{
    /// <summary>
    /// Saves a request that sends mail; when a request for the same address or account saved first (the limit's row,
    /// the account's code), this one is refused as one too many (429) rather than failing.
    /// </summary>
    public static async Task SaveOrRefuseAsync(this IApplicationDbContext db, TimeSpan retryAfter,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new TooManyRequestsException(retryAfter);
        }
    }
}
