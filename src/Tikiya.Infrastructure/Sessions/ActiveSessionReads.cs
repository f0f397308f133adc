using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Users;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Sessions;

/// <summary>
/// The per-request reads as EF Core compiled queries: translated once per process instead of funcletized and looked
/// up in the query cache on every call. A compiled query takes its arguments as lambda parameters, which the domain's
/// <see cref="Domain.Sessions.Session.ActiveAt"/> (a closure over its instant) cannot be spliced into, so its
/// condition is written here as it is there: not revoked, <c>now &lt; expires_at</c>.
/// </summary>
internal sealed class ActiveSessionReads(TikiyaDbContext db) : IActiveSessionReads
{
    private static readonly Func<TikiyaDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<bool>> IsActive =
        EF.CompileAsyncQuery((TikiyaDbContext db, Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken _) =>
            db.Sessions.Any(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && now < s.ExpiresAt));

    // Both primary keys: one indexed query answers whether the session lives and who the user is.
    private static readonly Func<TikiyaDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<User?>> UserOfActiveSession =
        EF.CompileAsyncQuery((TikiyaDbContext db, Guid userId, Guid sessionId, DateTimeOffset now, CancellationToken _) =>
            db.Users.AsNoTracking().SingleOrDefault(u => u.Id == userId && db.Sessions.Any(s =>
                s.Id == sessionId && s.UserId == u.Id && s.RevokedAt == null && now < s.ExpiresAt)));

    public Task<bool> IsActiveAsync(Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        IsActive(db, sessionId, userId, now, cancellationToken);

    public Task<User?> FindUserOfActiveSessionAsync(Guid userId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        UserOfActiveSession(db, userId, sessionId, now, cancellationToken);
}
