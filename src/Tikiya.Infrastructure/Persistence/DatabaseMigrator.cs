using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies the pending migrations and returns their names. EF Core takes a lock on the history table first and runs
    /// them in one transaction, so two instances starting at once apply each migration once and never half of one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TikiyaDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
