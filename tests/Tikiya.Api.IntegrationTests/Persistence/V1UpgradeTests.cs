using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Persistence;

/// <summary>
/// The upgrade to one row per session logs no one out: a database the release before wrote, with its sessions and
/// refresh_tokens rows, is migrated at start, and the refresh tokens it had issued keep working (and detecting reuse).
/// </summary>
public sealed class V1UpgradeTests : OwnDatabaseTest
{
    private const string MigrationBeforeTheUpgrade = "20261201113542_Accounts";

    [Test]
    public async Task Start_OnAV1Database_KeepsItsRefreshTokensWorking()
    {
        await MigrationHistory.MigrateToAsync(Database, MigrationBeforeTheUpgrade);
        await using var app = new TikiyaApiFactory(Database);
        var now = app.Clock.GetUtcNow();
        var phone = await V1Sessions.InsertAsync(Database, await InsertUserAsync(now), now, rotations: 3);
        var laptop = await V1Sessions.InsertAsync(Database, await InsertUserAsync(now, "bob@example.com"), now);
        using var client = app.CreateClient(); // starts the app, which applies the rest of the migrations

        var refreshed = await client.RefreshAsync(phone.Current);
        var replayed = await client.RefreshAsync(laptop.Tokens[0]);
        var replayedAgain = await client.RefreshAsync(laptop.Tokens[0]);

        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await refreshed.Content.ReadAsStringAsync());
        var tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await client.RefreshAsync(phone.Tokens[0])).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
                "a token rotated before the upgrade is reuse");
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "laptop's current one moved its session");
            Assert.That(replayedAgain.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "and is spent now");
        }
    }

    private async Task<Guid> InsertUserAsync(DateTimeOffset now, string email = UserBuilder.DefaultEmail)
    {
        var userId = Guid.CreateVersion7(now);
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO users (id, email, normalized_email, password_hash, created_at) VALUES ($1, $2, $2, 'not used here', $3)",
            connection)
        {
            Parameters = { new() { Value = userId }, new() { Value = email }, new() { Value = now } },
        };
        await insert.ExecuteNonQueryAsync();
        return userId;
    }
}
