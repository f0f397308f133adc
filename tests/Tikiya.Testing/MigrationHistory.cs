using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Testing;

public static class MigrationHistory
{
    /// <summary>EF Core's history table, which its migration lock (and so DatabaseMigrator's) locks on PostgreSQL.</summary>
    public const string Table = "\"__EFMigrationsHistory\"";

    /// <summary>Every migration the code holds, in order, read without any connection.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = ReadKnownMigrations();

    /// <summary>Rows in __EFMigrationsHistory, or -1 when the table does not exist.</summary>
    public static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return -1;
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A context on <paramref name="connectionString"/>, for tests that migrate a database of their own.</summary>
    public static TikiyaDbContext CreateContext(string connectionString, out NpgsqlDataSource dataSource)
    {
        dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        var options = new DbContextOptionsBuilder<TikiyaDbContext>();
        options.UseTikiyaDatabase(dataSource);
        return new TikiyaDbContext(options.Options);
    }

    /// <summary>Applies every migration to <paramref name="connectionString"/> as the app does (DatabaseMigrator).</summary>
    public static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var services = new ServiceCollection();
        services.AddDbContext<TikiyaDbContext>(options => options.UseTikiyaDatabase(dataSource));
        await using var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider, CancellationToken.None);
    }

    /// <summary>Applies the migrations up to <paramref name="migration"/>: a database a release before this one left.</summary>
    public static async Task MigrateToAsync(string connectionString, string migration)
    {
        await using var db = CreateContext(connectionString, out var dataSource);
        await using (dataSource)
        {
            await db.GetService<IMigrator>().MigrateAsync(migration);
        }
    }

    /// <summary>Holds EF Core's migration lock as an instance that migrates does, until disposed.</summary>
    public static async Task<TableLock> TakeLockAsync(string connectionString)
    {
        await using (var db = CreateContext(connectionString, out var dataSource))
        await using (dataSource)
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(); // as the instance does, to lock it
        }

        return await TableLock.TakeAsync(connectionString, Table);
    }

    /// <summary>Whether another instance could take EF Core's migration lock now (waiting at most 5 s for it).</summary>
    public static async Task<bool> IsLockFreeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var take = new NpgsqlCommand($"SET LOCAL lock_timeout = '5s'; LOCK TABLE {Table} IN ACCESS EXCLUSIVE MODE",
            connection, transaction);
        try
        {
            await take.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>
    /// The columns (with their types and nullability) and indexes of the public schema, one a line in a fixed order:
    /// two databases with the same text have the same schema.
    /// </summary>
    public static async Task<string> DescribeSchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var describe = new NpgsqlCommand("""
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT format('%s.%s %s %s', table_name, column_name, data_type, is_nullable) AS line
                  FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL
                SELECT indexdef FROM pg_indexes WHERE schemaname = 'public') AS described
            """, connection);
        return (string)(await describe.ExecuteScalarAsync())!;
    }

    private static List<string> ReadKnownMigrations()
    {
        using var db = CreateContext("Host=localhost;Database=none", out var dataSource);
        using (dataSource)
        {
            return [.. db.Database.GetMigrations()];
        }
    }
}
