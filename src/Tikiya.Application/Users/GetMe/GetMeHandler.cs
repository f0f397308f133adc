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
        var account = await sessions.FindUserOfActiveSessionAsync(caller.UserId, caller.SessionId, time.GetUtcNow(),
            policy.MaxLifetime, cancellationToken);
        return account?.User.ToResponse(account.MfaEnabled)
            ?? throw new NotAuthenticatedException(); // ended meanwhile, or the account is gone
    }
}
