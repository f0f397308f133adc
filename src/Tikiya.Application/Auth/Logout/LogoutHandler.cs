using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Logout;

internal sealed class LogoutHandler(IApplicationDbContext db, IRefreshTokenCodec refreshTokens,
    SecurityEventRecorder events, TimeProvider time)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The hash is compared in the database's WHERE, never in memory here; a token whose tag fails names its session
        // only as its current token (issued before JWT_SECRET changed, or not at all).
        var sessions = refreshTokens.Read(command.RefreshToken) switch
        {
            SessionRefreshToken { Proven: true } token => db.Sessions.Where(Session.OfRefreshToken(token.SessionId, token.Generation, token.Hash)),
            SessionRefreshToken token => db.Sessions.Where(Session.HoldingRefreshToken(token.SessionId, token.Generation, token.Hash)),
            LegacyRefreshToken legacy => db.SessionsOf(legacy),
            _ => null,
        };
        if (sessions is not null)
        {
            // An unknown or already revoked token simply matches no row (API.md: 204 all the same), and records nothing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await sessions.RevokeAsync(now, cancellationToken) > 0)
            {
                // The session's row is locked by the UPDATE until the commit, so its owner is read as it is.
                var userId = await sessions.Select(s => s.UserId).FirstAsync(cancellationToken);
                events.Record(userId, SecurityEventType.SessionRevoked, now); // a logout ends a session, as its owner asked
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return Unit.Value;
    }
}
