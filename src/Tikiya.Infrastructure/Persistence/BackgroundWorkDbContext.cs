using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Infrastructure.Persistence;

/// <summary>
/// The context that background work asks for (<see cref="Application.Common.Interfaces.IApplicationDbContext.BackgroundWork"/>):
/// one of its own from the pool, never the scope's, so a job's settings stay off the context that requests use.
/// </summary>
internal static class BackgroundWorkDbContext
{
    // A purge batch may scan a whole table for its rows (login_throttles and mail_outbox have no index on what it
    // deletes by). The request timeout is sized for requests; a batch that outlived it would fail the same way at
    // every interval, and the tables would only grow.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    public static TikiyaDbContext Create(IServiceProvider services)
    {
        var db = services.GetRequiredService<IDbContextFactory<TikiyaDbContext>>().CreateDbContext();
        db.Database.SetCommandTimeout(CommandTimeout);
        return db; // disposed, back into the pool, with the scope that resolved it
    }
}
