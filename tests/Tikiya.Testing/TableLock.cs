using Npgsql;

namespace Tikiya.Testing;

/// <summary>
/// Holds an ACCESS EXCLUSIVE lock on a table until disposed: every query of the app on that table waits, as behind a
/// long migration or a stuck transaction. The way to stall a request on purpose.
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _table;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private TableLock(string connectionString, string table, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connectionString = connectionString;
        _table = table;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<TableLock> TakeAsync(string connectionString, string table)
    {
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new TableLock(connectionString, table, connection, transaction);
    }

    /// <summary>Waits until some session waits for this lock: the stalled request has reached the database.</summary>
    public Task WaitUntilSomeoneWaitsAsync() => LockWaits.UntilSomeoneWaitsAsync(_connectionString, LockWaits.Relation);

    /// <summary>The table's rows, read in the lock's own transaction: any other session would wait behind the lock.</summary>
    public async Task<long> CountRowsAsync()
    {
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {_table}", _connection, _transaction);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
