using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

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

    private static List<string> ReadKnownMigrations()
    {
        using var db = CreateContext("Host=localhost;Database=none", out var dataSource);
        using (dataSource)
        {
            return [.. db.Database.GetMigrations()];
        }
    }
}
