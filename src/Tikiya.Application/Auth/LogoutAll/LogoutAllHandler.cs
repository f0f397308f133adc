using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth.LogoutAll;

/// <summary>
/// Every session of the user ends, and so do its device tokens (API.md v1.1): a device that logs in after this is
/// throttled by the v1 rule until its login answers a new one.
/// </summary>
internal sealed partial class LogoutAllHandler(ISignOutEverywhere signOut, ICaller caller, TimeProvider time,
    ILogger<LogoutAllHandler> logger) : ICommandHandler<LogoutAllCommand>
{
    public async ValueTask<Unit> Handle(LogoutAllCommand command, CancellationToken cancellationToken)
    {
        // One statement for all of them, and the request's one write: a user may hold many sessions, and none may slip
        // through a concurrent refresh.
        var userId = caller.UserId;
        var revoked = await signOut.SignOutEverywhereAsync(userId, time.GetUtcNow(), cancellationToken);
        LogAllRevoked(revoked, userId);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {SessionCount} sessions of user {UserId}; its device tokens ended")]
    private partial void LogAllRevoked(int sessionCount, Guid userId);
}
