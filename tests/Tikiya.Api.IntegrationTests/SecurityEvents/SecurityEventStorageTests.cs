using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.SecurityEvents;

/// <summary>What the security_events table holds: no secret, and nothing once the account is gone.</summary>
public sealed class SecurityEventStorageTests : ApiTest
{
    [Test]
    public async Task SecurityEvents_HoldNoEmailNoTokenNoPassword()
    {
        const string email = "secret.person@example.com";
        const string password = "a password nobody may read";
        var login = await Client.RegisterAndLoginAsync(email, password);
        var refreshed = await Client.RefreshOkAsync(login.RefreshToken);
        await Client.RefreshAsync(login.RefreshToken); // reuse
        await Client.LoginAsync(email, "a wrong password nobody may read");
        var again = await Client.LoginOkAsync(email, password);
        await Client.LogoutAsync(again.RefreshToken);

        var rows = await RowsAsTextAsync();

        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var secret in new[] { "secret.person", password, "a wrong password", login.RefreshToken, refreshed.RefreshToken,
            login.AccessToken, again.RefreshToken })
        {
            Assert.That(rows.Where(row => row.Contains(secret, StringComparison.OrdinalIgnoreCase)), Is.Empty, secret);
        }
    }

    [Test]
    public async Task DeleteAccount_RemovesItsEvents()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");

        var response = await Client.DeleteAccountAsync(login.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await QueryAsync(db => db.SecurityEvents.CountAsync()), Is.EqualTo(1), "bob's login only");
    }

    /// <summary>Every row, all its columns, as PostgreSQL prints them.</summary>
    private static async Task<List<string>> RowsAsTextAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(e)::text FROM security_events e", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
