using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.LogoutOthers;

internal sealed partial class LogoutOthersHandler(IApplicationDbContext db, ICaller caller, TimeProvider time,
    ILogger<LogoutOthersHandler> logger) : ICommandHandler<LogoutOthersCommand>
{
    public async ValueTask<Unit> Handle(LogoutOthersCommand command, CancellationToken cancellationToken)
    {
        var (userId, currentId) = (caller.UserId, caller.SessionId);
        // One UPDATE for all of them, as logout-all: none may slip through a concurrent refresh.
        var revoked = await db.Sessions.Where(Session.OthersOf(userId, currentId))
            .RevokeAsync(time.GetUtcNow(), cancellationToken);
        LogOthersRevoked(revoked, userId, currentId);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Revoked {SessionCount} sessions of user {UserId}, all but session {SessionId}")]
    private partial void LogOthersRevoked(int sessionCount, Guid userId, Guid sessionId);
}
