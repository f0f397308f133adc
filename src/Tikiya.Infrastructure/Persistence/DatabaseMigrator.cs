using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    // Any fixed number works; it only has to be the same for every instance of the API.
    private const long MigrationLockKey = 0x7469_6B69_7961; // "tikiya"

    // Waiting for another instance's migrations, or running a long one, may take more than a request's timeout.
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Applies the pending migrations and returns the last one the database has. Instances starting together take
    /// turns on a PostgreSQL advisory lock, and EF Core runs the pending migrations in one transaction, so each migration
    /// is applied once and never half of one. The lock is the session's, so it is also released if the process dies.
    /// </summary>
    public static async Task<string?> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TikiyaDbContext>();
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        await db.Database.OpenConnectionAsync(cancellationToken); // EF runs every step below on this one session
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            // EF Core reads the history table before creating it, and logs that as an error on a new database
            // (dotnet/efcore#37328); creating it first keeps a first deployment's log free of a false alarm.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        }
        finally
        {
            await ReleaseLockAsync(db.Database);
        }
    }

    private static async Task ReleaseLockAsync(DatabaseFacade database)
    {
        try
        {
            // Explicitly: closing only returns the session to the pool, where it would keep the lock until reused.
            await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
        catch (DbException)
        {
            // The session is broken, so PostgreSQL has ended it and its lock with it; keep the migration's own error.
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
