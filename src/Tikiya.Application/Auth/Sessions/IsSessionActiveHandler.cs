using Mediator;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth.Sessions;

internal sealed class IsSessionActiveHandler(IActiveSessionReads sessions, TimeProvider time) : IQueryHandler<IsSessionActiveQuery, bool>
{
    // A primary-key lookup; one query per request, whatever the user holds.
    public async ValueTask<bool> Handle(IsSessionActiveQuery query, CancellationToken cancellationToken) =>
        await sessions.IsActiveAsync(query.SessionId, query.UserId, time.GetUtcNow(), cancellationToken);
}
