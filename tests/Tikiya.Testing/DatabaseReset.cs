using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Tikiya.Testing;

/// <summary>Empties every table between tests, keeping the migrations history (Respawn).</summary>
public sealed class DatabaseReset
{
    private readonly string _connectionString;
    private readonly Respawner _respawner;

    private DatabaseReset(string connectionString, Respawner respawner)
    {
        _connectionString = connectionString;
        _respawner = respawner;
    }

    /// <summary>Call after the migrations ran: Respawn reads the table list once, here.</summary>
    public static async Task<DatabaseReset> CreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", "__EFMigrationsHistory")],
        });
        return new DatabaseReset(connectionString, respawner);
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await _respawner.ResetAsync(connection);
    }
}
