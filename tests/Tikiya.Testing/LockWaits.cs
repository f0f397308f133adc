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

    public static Task UntilSomeoneWaitsAsync(string connectionString, string lockType) =>
        PollAsync(connectionString, "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = @lockType", lockType, 1,
            $"Nobody waited for a {lockType} lock within 30 s.");

    /// <summary>
    /// Waits until at least <paramref name="waiters"/> sessions wait for some lock: of many waiting for one row, the
    /// first waits for the holder's transaction and the others for the first, on the row's tuple lock.
    /// </summary>
    public static Task UntilSomeWaitAsync(string connectionString, int waiters) =>
        PollAsync(connectionString, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", lockType: null, waiters,
            $"Fewer than {waiters} sessions waited for a lock within 30 s.");

    private static async Task PollAsync(string connectionString, string countSql, string? lockType, int waiters, string failure)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(countSql, connection);
        if (lockType is not null)
        {
            waiting.Parameters.AddWithValue("lockType", lockType);
        }

        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! >= waiters)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(failure);
    }
}
