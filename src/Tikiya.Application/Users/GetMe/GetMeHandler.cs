using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.GetMe;

internal sealed class GetMeHandler(IApplicationDbContext db, ICaller caller, TimeProvider time) : IQueryHandler<GetMeQuery, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var (userId, sessionId) = (caller.UserId, caller.SessionId);
        var activeSessions = db.Sessions.Where(Session.ActiveAt(time.GetUtcNow()));
        // Both primary keys: one indexed query answers whether the session lives and who the user is.
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && activeSessions.Any(s => s.Id == sessionId && s.UserId == u.Id))
            .SingleOrDefaultAsync(cancellationToken);
        return user?.ToResponse() ?? throw new NotAuthenticatedException(); // ended meanwhile, or the account is gone
    }
}
