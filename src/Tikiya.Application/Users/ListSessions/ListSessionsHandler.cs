using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.ListSessions;

internal sealed class ListSessionsHandler(IApplicationDbContext db, ICaller caller, SessionPolicy policy, TimeProvider time)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionResponse>>
{
    public async ValueTask<IReadOnlyList<SessionResponse>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var (userId, currentId, now) = (caller.UserId, caller.SessionId, time.GetUtcNow());
        // Whole rows, mapped here: lastUsedAt and expiresAt are the domain's rules (Session.LastUsedAt, EndsAt), in one place.
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Where(Session.ActiveAt(now, policy.MaxLifetime))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .ToListAsync(cancellationToken);
        if (!sessions.Exists(s => s.Id == currentId))
        {
            throw new NotAuthenticatedException(); // the caller's own session ended: its access token no longer counts
        }

        return [.. sessions.Select(s => s.ToResponse(current: s.Id == currentId, policy.MaxLifetime))];
    }
}
