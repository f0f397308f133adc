using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>
/// Sessions as the release before refresh tokens named their session wrote them, straight into the tables with the
/// columns it knew: the session's row, and one <c>refresh_tokens</c> row per token it issued (43 characters, stored as
/// the SHA-256 of the token), every one rotated but the last.
/// </summary>
public static class V1Sessions
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>A v1 session of <paramref name="userId"/> that has been refreshed <paramref name="rotations"/> times at <paramref name="now"/>.</summary>
    public static async Task<V1Session> InsertAsync(string connectionString, Guid userId, DateTimeOffset now, int rotations = 0)
    {
        var session = new V1Session(Guid.CreateVersion7(now),
            [.. Enumerable.Range(0, rotations + 1).Select(_ => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)))]);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command("""
            INSERT INTO sessions (id, user_id, created_at, expires_at, last_rotated_at, user_agent, ip_address)
            VALUES ($1, $2, $3, $4, $5, 'v1 client', '192.0.2.1')
            """, session.Id, userId, now, now + RefreshTokenLifetime, rotations > 0 ? now : DBNull.Value));
        foreach (var token in session.Tokens)
        {
            var rotated = token != session.Current;
            batch.BatchCommands.Add(Command("""
                INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at, rotated_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                """, Guid.CreateVersion7(now), session.Id, Hash(token), now, now + RefreshTokenLifetime, rotated ? now : DBNull.Value));
        }

        await batch.ExecuteNonQueryAsync();
        return session;
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

/// <summary>A v1 session's id and the tokens it issued, oldest first; the last is its current one.</summary>
public sealed record V1Session(Guid Id, IReadOnlyList<string> Tokens)
{
    public string Current => Tokens[^1];
}
