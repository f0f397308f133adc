using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Sessions;

internal sealed class IsSessionActiveHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<IsSessionActiveQuery, bool>
{
    public async ValueTask<bool> Handle(IsSessionActiveQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A primary-key lookup; one query per request, whatever the user holds.
        return await db.Sessions.Where(Session.ActiveAt(now))
            .AnyAsync(s => s.Id == query.SessionId && s.UserId == query.UserId, cancellationToken);
    }
}
