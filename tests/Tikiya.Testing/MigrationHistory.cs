using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Testing;

public static class MigrationHistory
{
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

        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
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

    private static List<string> ReadKnownMigrations()
    {
        using var db = CreateContext("Host=localhost;Database=none", out var dataSource);
        using (dataSource)
        {
            return [.. db.Database.GetMigrations()];
        }
    }
}
