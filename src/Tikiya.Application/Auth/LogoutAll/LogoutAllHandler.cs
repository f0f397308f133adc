using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Auth.LogoutAll;

/// <summary>
/// Every session of the user ends, and so do its device tokens (API.md v1.1): a device that logs in after this is
/// throttled by the v1 rule until its login answers a new one.
/// </summary>
internal sealed partial class LogoutAllHandler(ILogoutEverywhere logouts, ICaller caller, SecurityEventRecorder events,
    TimeProvider time, ILogger<LogoutAllHandler> logger)
    : ICommandHandler<LogoutAllCommand>
{
    public async ValueTask<Unit> Handle(LogoutAllCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // One statement for all of them, the device tokens and the event: a user may hold many sessions, and none may
        // slip through a concurrent refresh; none left (a concurrent logout-all ended them, and recorded it) records nothing.
        var userId = caller.UserId;
        var revoked = await logouts.RevokeAllAsync(events.Of(userId, SecurityEventType.LoggedOutEverywhere, now),
            cancellationToken);
        LogAllRevoked(revoked, userId);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {SessionCount} sessions of user {UserId}; its device tokens ended")]
    private partial void LogAllRevoked(int sessionCount, Guid userId);
}
