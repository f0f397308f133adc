using Mediator;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Users.GetMe;

internal sealed class GetMeHandler(IActiveSessionReads sessions, ICaller caller, TimeProvider time) : IQueryHandler<GetMeQuery, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var user = await sessions.FindUserOfActiveSessionAsync(caller.UserId, caller.SessionId, time.GetUtcNow(), cancellationToken);
        return user?.ToResponse() ?? throw new NotAuthenticatedException(); // ended meanwhile, or the account is gone
    }
}
