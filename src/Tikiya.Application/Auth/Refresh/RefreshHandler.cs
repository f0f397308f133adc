using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Auth.Refresh;

internal sealed partial class RefreshHandler(IApplicationDbContext db, RefreshRotation rotations, SecurityEventRecorder events,
    TimeProvider time, ILogger<RefreshHandler> logger)
    : ICommandHandler<RefreshCommand, TokensResponse>
{
    public async ValueTask<TokensResponse> Handle(RefreshCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A token with a bad tag (a session id, which every access token's sid shows, and a guessed rest) can rotate
        // nothing without the current token's hash, and revokes nothing: only a proven token can stand for reuse.
        var claim = rotations.Read(command.RefreshToken) switch
        {
            SessionRefreshToken current => new RotationClaim(current.SessionId, current.Generation, current.Hash, current.Proven),
            LegacyRefreshToken legacy => await db.ClaimAsync(legacy, now, cancellationToken),
            _ => null,
        } ?? throw new InvalidRefreshTokenException();

        var (rotation, tokens) = await rotations.RotateAsync(claim, now, cancellationToken);
        if (tokens is not null)
        {
            return tokens;
        }

        // Only a token the session had moved past before this refresh began is reuse. One that was still current then
        // lost a race to a concurrent refresh with the same token: refused, and the winner's session lives on.
        if (rotation is not null && rotation.SeenGeneration > claim.Generation && claim.Proven)
        {
            // One UPDATE, not load-and-save: it applies even when a rotation commits meanwhile (the thief's, perhaps).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var revoked = await rotations.ReusedBy(db.Sessions, claim, now).RevokeAsync(now, cancellationToken);
            if (revoked > 0) // once per session: a replay after the revocation matches no row and records nothing
            {
                events.Record(rotation.UserId, SecurityEventType.RefreshTokenReused, now);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogReuseDetected(claim.SessionId, rotation.UserId);
            }
        }

        throw new InvalidRefreshTokenException(); // unknown, expired, revoked, a wrong hash, or a lost race: nothing changed
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A rotated refresh token of session {SessionId} (user {UserId}) was presented again; the session is revoked")]
    private partial void LogReuseDetected(Guid sessionId, Guid userId);
}
