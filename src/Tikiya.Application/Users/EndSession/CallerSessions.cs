using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.EndSession;

/// <summary>The caller's active sessions (API.md v1.1): whose they are, and which still count at a given time.</summary>
internal sealed class CallerSessions(IApplicationDbContext db, ICaller caller, SessionPolicy policy)
{
    public Guid UserId => caller.UserId;

    /// <summary>
    /// As a query, so that it can be one UPDATE whose WHERE is the whole rule: another user's session matches no row,
    /// exactly like an unknown one (API.md v1.1: 404 for both).
    /// </summary>
    public IQueryable<Session> ActiveAt(DateTimeOffset now) =>
        db.Sessions.Where(s => s.UserId == caller.UserId).Where(Session.ActiveAt(now, policy.MaxLifetime));
}
