using Npgsql;

namespace Tikiya.Testing;

/// <summary>
/// Waits until some PostgreSQL session waits for a lock of a kind: the request or process a test stalled on purpose
/// has reached the database. Polling is the only way to see another session's wait; it is bounded to 30 s.
/// </summary>
public static class LockWaits
{
    public const string Relation = "relation";
    public const string Advisory = "advisory";
    public const string Row = "transactionid"; // a row lock is waited for through the holder's transaction id

    public static async Task UntilSomeoneWaitsAsync(string connectionString, string lockType)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = @lockType", connection);
        waiting.Parameters.AddWithValue("lockType", lockType);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Nobody waited for a {lockType} lock within 30 s.");
    }
}
