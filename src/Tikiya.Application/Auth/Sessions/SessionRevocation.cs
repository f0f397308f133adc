using Microsoft.EntityFrameworkCore;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Sessions;

/// <summary>
/// Ends sessions with one UPDATE rather than load-and-save: the UPDATE waits for a refresh racing it and then applies
/// all the same, where a save would lose to that refresh on its xmin check and leave the session alive (API.md:
/// revocation is immediate). Sessions already ended are left as they were.
/// </summary>
internal static class SessionRevocation
{
    public static Task<int> RevokeAsync(this IQueryable<Session> sessions, DateTimeOffset now, CancellationToken cancellationToken) =>
        sessions
            .Where(s => s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
}
