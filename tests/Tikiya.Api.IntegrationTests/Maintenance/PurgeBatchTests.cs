using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Maintenance;

/// <summary>The purge deletes in batches, one short statement each, so that a backlog holds no long lock.</summary>
public sealed class PurgeBatchTests : ApiTest
{
    private const int BatchSize = 10;

    [Test]
    public async Task Purge_OfMoreRowsThanABatch_DeletesThemAllAndKeepsLiveOnes()
    {
        var live = await Client.SaveUserAndLoginAsync(Factory.Services);
        var userId = await QueryAsync(db => db.Users.Select(u => u.Id).SingleAsync());
        var liveV1 = await V1Sessions.InsertAsync(ConnectionString, userId, Factory.Clock.GetUtcNow());
        await InsertEndedSessionsAsync(userId, count: (BatchSize * 2) + 5);

        var purged = await Purge.RunAsync(BatchSize);

        Assert.That((purged.Sessions, purged.RefreshTokens), Is.EqualTo(((BatchSize * 2) + 5, BatchSize + 3)),
            "every ended session; the v1 tokens that had expired (the others went with their sessions)");
        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(2), "the live session and the live v1 one");
        Assert.That(await QueryAsync(db => db.RefreshTokens.CountAsync()), Is.EqualTo(1), "the live v1 session's token");
        Assert.That((await Client.RefreshAsync(live.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(liveV1.Current)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>
    /// Sessions that can never be used again: every other one revoked, the rest expired; the expired ones carry a v1
    /// token each, which has expired with them.
    /// </summary>
    private static async Task InsertEndedSessionsAsync(Guid userId, int count)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            WITH ended AS (
                INSERT INTO sessions (id, user_id, created_at, expires_at, revoked_at, refresh_generation, refresh_token_hash)
                SELECT gen_random_uuid(), $1, $2 - interval '40 days',
                       CASE WHEN i % 2 = 0 THEN $2 + interval '1 day' ELSE $2 - interval '10 days' END,
                       CASE WHEN i % 2 = 0 THEN $2 END, 1, sha256(i::text::bytea)
                  FROM generate_series(1, $3) AS i
                RETURNING id, expires_at
            )
            INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
            SELECT gen_random_uuid(), id, sha256(id::text::bytea), $2 - interval '40 days', expires_at
              FROM ended WHERE expires_at < $2
            """, connection)
        {
            Parameters = { new() { Value = userId }, new() { Value = Factory.Clock.GetUtcNow() }, new() { Value = count } },
        };
        await insert.ExecuteNonQueryAsync();
    }
}
