using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users;

internal static class CallerLookup
{
    /// <summary>The caller's account, tracked; gone (deleted meanwhile) is a 401 like any ended session.</summary>
    public static async Task<User> FindCallerAsync(this DbSet<User> users, ICaller caller,
        CancellationToken cancellationToken) =>
        await users.SingleOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken)
        ?? throw new NotAuthenticatedException();
}
