using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Application.Auth.Refresh;

internal sealed partial class RefreshHandler(IApplicationDbContext db, ITokenIssuer tokens, TimeProvider time,
    ILogger<RefreshHandler> logger) : ICommandHandler<RefreshCommand, TokensResponse>
{
    public async ValueTask<TokensResponse> Handle(RefreshCommand command, CancellationToken cancellationToken)
    {
        var presentedHash = tokens.HashRefreshToken(command.RefreshToken);
        // One query: the session with only the presented token, found through the unique index on its hash.
        var session = await db.Sessions
            .Include(s => s.Tokens.Where(t => t.TokenHash == presentedHash))
            .SingleOrDefaultAsync(s => s.Tokens.Any(t => t.TokenHash == presentedHash), cancellationToken)
            ?? throw new InvalidRefreshTokenException();

        var now = time.GetUtcNowForStorage();
        var next = tokens.NewRefreshToken();
        var outcome = session.Rotate(session.Tokens.Single(), next.Hash, now, tokens.RefreshTokenLifetime);
        if (outcome == RotationOutcome.Rejected)
        {
            throw new InvalidRefreshTokenException();
        }

        if (outcome == RotationOutcome.ReuseDetected)
        {
            // Not through SaveChanges: its xmin check would lose to a rotation of this session committing meanwhile
            // (the thief's, perhaps), and the session would stay alive. API.md revokes it whatever happens.
            await db.Sessions.Where(s => s.Id == session.Id).RevokeAsync(now, cancellationToken);
            LogReuseDetected(session.Id, session.UserId);
            throw new InvalidRefreshTokenException();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken); // the rotation: token rotated, new token, session touched
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another refresh of this session saved first (xmin): API.md lets exactly one of two concurrent refreshes win.
            throw new InvalidRefreshTokenException();
        }

        return tokens.Issue(session.UserId, session.Id, next.Token, now);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A rotated refresh token of session {SessionId} (user {UserId}) was presented again; the session is revoked")]
    private partial void LogReuseDetected(Guid sessionId, Guid userId);
}
