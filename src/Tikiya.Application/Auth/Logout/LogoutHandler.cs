using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth.Logout;

internal sealed class LogoutHandler(IApplicationDbContext db, ITokenIssuer tokens, TimeProvider time)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var hash = tokens.HashRefreshToken(command.RefreshToken);
        var now = time.GetUtcNowForStorage();
        // One UPDATE rather than load-and-save: it cannot lose to a refresh racing it (that refresh's save then fails
        // its xmin check), and an unknown or already revoked token simply matches no row (API.md: 204 all the same).
        await db.Sessions
            .Where(s => s.RevokedAt == null && s.Tokens.Any(t => t.TokenHash == hash))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return Unit.Value;
    }
}
