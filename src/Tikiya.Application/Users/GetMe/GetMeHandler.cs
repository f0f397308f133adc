using Mediator;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.GetMe;

internal sealed class GetMeHandler(IActiveSessionReads sessions, ICaller caller, SessionPolicy policy, TimeProvider time)
    : IQueryHandler<GetMeQuery, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var user = await sessions.FindUserOfActiveSessionAsync(caller.UserId, caller.SessionId, time.GetUtcNow(), policy.MaxLifetime,
            cancellationToken);
        return user?.ToResponse() ?? throw new NotAuthenticatedException(); // ended meanwhile, or the account is gone
    }
}
