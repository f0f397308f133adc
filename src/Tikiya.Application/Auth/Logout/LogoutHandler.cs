using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Auth.Sessions;
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
        // An unknown or already revoked token simply matches no row (API.md: 204 all the same).
        await db.Sessions.Where(s => s.Tokens.Any(t => t.TokenHash == hash)).RevokeAsync(now, cancellationToken);
        return Unit.Value;
    }
}
