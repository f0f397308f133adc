using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tikiya.Infrastructure.Mail;

namespace Tikiya.Testing.Mail;

/// <summary>
/// The outbox as a test reads it, without sleeping. The app's sender holds a row locked FOR UPDATE while it sends it
/// and records the outcome, so a test that locks the same rows waits for that transaction to end and then reads what it
/// committed: a mail the sink has received is read as sent, not as still pending.
/// </summary>
public static class MailOutbox
{
    /// <summary>Every row, oldest first, once no sender holds any of them.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> ReadAsync(string connectionString,
        CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, recipient, template, model::text, failed_attempts, queued_at, next_attempt_at, sent_at, gave_up_at,
                   last_error
            FROM mail_outbox ORDER BY queued_at, id FOR UPDATE
            """, connection, transaction);
        var rows = new List<OutboxRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new OutboxRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                    await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3), reader.GetInt32(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                    await reader.IsDBNullAsync(7, cancellationToken) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                    await reader.IsDBNullAsync(8, cancellationToken) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                    await reader.IsDBNullAsync(9, cancellationToken) ? null : reader.GetString(9)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>The single row of a test that queued one mail (after its sender is done with it).</summary>
    public static async Task<OutboxRow> SingleAsync(string connectionString, string template)
    {
        var rows = (await ReadAsync(connectionString)).Where(row => row.Template == template).ToList();
        Assert.That(rows, Has.Count.EqualTo(1), $"one {template} mail in the outbox");
        return rows[0];
    }

    /// <summary>
    /// Runs one round of the app's sender here (it expands mail requests and sends what is due at the app's clock) and
    /// returns once every attempt in flight, this round's or the background sender's, is recorded. Before the round it
    /// waits for a background round that holds the pending requests, so the mails they become are in this round.
    /// </summary>
    public static async Task SettleAsync(IServiceProvider services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        await LockAndReleaseAsync(connectionString, "SELECT 1 FROM mail_requests FOR UPDATE");
        await services.GetRequiredService<MailOutboxSender>().RunRoundAsync(CancellationToken.None);
        await LockAndReleaseAsync(connectionString, "SELECT 1 FROM mail_outbox FOR UPDATE");
    }

    /// <summary>Mails not yet sent nor given up, and requests not yet expanded: 0 when the senders have nothing left.</summary>
    public static async Task<long> CountUnfinishedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND gave_up_at IS NULL)
                 + (SELECT count(*) FROM mail_requests)
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task LockAndReleaseAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
