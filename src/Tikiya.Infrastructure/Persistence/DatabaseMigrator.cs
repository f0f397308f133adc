using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    // Waiting for another instance's migrations, or running a long one, may take more than a request's timeout.
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Applies the pending migrations and returns the last one the database has. Instances starting together take
    /// turns on EF Core's own migration lock (Npgsql: the history table locked in access exclusive mode), held by one
    /// transaction that reads the history and applies every pending migration, the schema guard included: each
    /// migration is applied once, and a failure leaves the database as it was. The lock ends with the transaction, so
    /// it is also released if the process dies, and it holds through PgBouncer in transaction pooling mode.
    /// </summary>
    public static async Task<string?> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TikiyaDbContext>();
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        var history = db.GetService<IHistoryRepository>();
        // The table must exist to be locked. Npgsql's create tolerates instances racing to it. Creating it before EF
        // Core reads it also keeps a first deployment's log free of a false alarm (dotnet/efcore#37328).
        await history.CreateIfNotExistsAsync(cancellationToken);

        // EF Core alone does not serve here: since 10.0 it commits each migration in a transaction of its own and takes
        // the lock again for each, but reads which are pending only once, so with two or more pending, instances
        // starting together re-apply each other's ("column ... already exists"). Migrating inside our transaction
        // makes EF run them all in it without locking; the lock is taken here, with EF's own call, instead.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var migrationLock = await history.AcquireDatabaseLockAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var current = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        await transaction.CommitAsync(cancellationToken);
        return current;
    }
}
