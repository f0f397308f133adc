using Mediator;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Sessions;

internal sealed class IsSessionActiveHandler(IActiveSessionReads sessions, SessionPolicy policy, TimeProvider time)
    : IQueryHandler<IsSessionActiveQuery, bool>
{
    // A primary-key lookup; one query per request, whatever the user holds.
    public async ValueTask<bool> Handle(IsSessionActiveQuery query, CancellationToken cancellationToken) =>
        await sessions.IsActiveAsync(query.SessionId, query.UserId, time.GetUtcNow(), policy.MaxLifetime, cancellationToken);
}
