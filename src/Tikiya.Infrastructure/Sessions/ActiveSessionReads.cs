using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Sessions;

/// <summary>
/// The per-request reads as EF Core compiled queries: translated once per process instead of funcletized and looked
/// up in the query cache on every call. A compiled query takes its arguments as lambda parameters, which the domain's
/// <see cref="Session.ActiveAt"/> (a closure over its instants) cannot be spliced into, so its condition is written here
/// as it is there: not revoked, <c>now &lt; expires_at</c>, opened after <see cref="Session.OpenedAfter"/>.
/// </summary>
internal sealed class ActiveSessionReads(TikiyaDbContext db) : IActiveSessionReads
{
    private static readonly Func<TikiyaDbContext, Guid, Guid, DateTimeOffset, DateTimeOffset, CancellationToken, Task<bool>> IsActive =
        EF.CompileAsyncQuery((TikiyaDbContext db, Guid sessionId, Guid userId, DateTimeOffset now, DateTimeOffset openedAfter,
            CancellationToken _) =>
            db.Sessions.Any(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && now < s.ExpiresAt
                && s.CreatedAt > openedAfter));

    // Primary keys only: one indexed query answers whether the session lives, who the user is and whether their second
    // factor is on.
    private static readonly Func<TikiyaDbContext, Guid, Guid, DateTimeOffset, DateTimeOffset, CancellationToken, Task<ActiveAccount?>>
        UserOfActiveSession = EF.CompileAsyncQuery((TikiyaDbContext db, Guid userId, Guid sessionId, DateTimeOffset now,
            DateTimeOffset openedAfter, CancellationToken _) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId && db.Sessions.Any(s =>
                    s.Id == sessionId && s.UserId == u.Id && s.RevokedAt == null && now < s.ExpiresAt && s.CreatedAt > openedAfter))
                .Select(u => new ActiveAccount
                {
                    User = u,
                    MfaEnabled = db.TotpAuthenticators.Any(a => a.UserId == u.Id && a.ConfirmedAt != null),
                })
                .SingleOrDefault());

    public Task<bool> IsActiveAsync(Guid sessionId, Guid userId, DateTimeOffset now, TimeSpan maxLifetime,
        CancellationToken cancellationToken) =>
        IsActive(db, sessionId, userId, now, Session.OpenedAfter(now, maxLifetime), cancellationToken);

    public Task<ActiveAccount?> FindUserOfActiveSessionAsync(Guid userId, Guid sessionId, DateTimeOffset now, TimeSpan maxLifetime,
        CancellationToken cancellationToken) =>
        UserOfActiveSession(db, userId, sessionId, now, Session.OpenedAfter(now, maxLifetime), cancellationToken);
}
