using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Users.EndSession;

internal sealed partial class EndSessionHandler(IApplicationDbContext db, ICaller caller, SessionPolicy policy,
    SecurityEventRecorder events, TimeProvider time, ILogger<EndSessionHandler> logger) : ICommandHandler<EndSessionCommand>
{
    public async ValueTask<Unit> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        var (userId, now) = (caller.UserId, time.GetUtcNow());
        // One UPDATE, whose WHERE is the whole rule: the caller's, and active. Another user's session matches no row,
        // exactly like an unknown one (API.md v1.1: 404 for both).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Sessions.Where(s => s.Id == command.SessionId && s.UserId == userId)
            .Where(Session.ActiveAt(now, policy.MaxLifetime))
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
