using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Users.EndSession;

internal sealed partial class EndSessionHandler(IApplicationDbContext db, CallerSessions sessions, SecurityEventRecorder events,
    TimeProvider time, ILogger<EndSessionHandler> logger) : ICommandHandler<EndSessionCommand>
{
    public async ValueTask<Unit> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        var (userId, now) = (sessions.UserId, time.GetUtcNow());
        // One UPDATE, whose WHERE is the whole rule: the caller's, and active (CallerSessions).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await sessions.ActiveAt(now).Where(s => s.Id == command.SessionId)
            .RevokeAsync(now, cancellationToken);
        if (ended == 0)
        {
            throw new SessionNotFoundException();
        }

        events.Record(userId, SecurityEventType.SessionRevoked, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LogEnded(command.SessionId, userId);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} of user {UserId} ended by its owner")]
    private partial void LogEnded(Guid sessionId, Guid userId);
}
