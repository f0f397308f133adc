using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.LogoutOthers;

internal sealed partial class LogoutOthersHandler(IApplicationDbContext db, ICaller caller, SecurityEventRecorder events,
    TimeProvider time, ILogger<LogoutOthersHandler> logger) : ICommandHandler<LogoutOthersCommand>
{
    public async ValueTask<Unit> Handle(LogoutOthersCommand command, CancellationToken cancellationToken)
    {
        var (userId, currentId, now) = (caller.UserId, caller.SessionId, time.GetUtcNow());
        // One UPDATE for all of them, as logout-all: none may slip through a concurrent refresh.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await db.Sessions.Where(Session.OthersOf(userId, currentId)).RevokeAsync(now, cancellationToken);
        // One event for all of them, and none when nothing ended: repeating the call with one token adds no row.
        if (revoked > 0)
        {
            events.Record(userId, SecurityEventType.SessionRevoked, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogOthersRevoked(revoked, userId, currentId);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Revoked {SessionCount} sessions of user {UserId}, all but session {SessionId}")]
    private partial void LogOthersRevoked(int sessionCount, Guid userId, Guid sessionId);
}
