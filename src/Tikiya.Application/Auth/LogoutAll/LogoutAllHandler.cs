using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth.LogoutAll;

internal sealed partial class LogoutAllHandler(IApplicationDbContext db, ICaller caller, TimeProvider time, ILogger<LogoutAllHandler> logger)
    : ICommandHandler<LogoutAllCommand>
{
    public async ValueTask<Unit> Handle(LogoutAllCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // One UPDATE for all of them: a user may hold many sessions, and none may slip through a concurrent refresh.
        var userId = caller.UserId;
        var revoked = await db.Sessions.Where(s => s.UserId == userId).RevokeAsync(now, cancellationToken);
        LogAllRevoked(revoked, userId);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {SessionCount} sessions of user {UserId}")]
    private partial void LogAllRevoked(int sessionCount, Guid userId);
}
