using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Auth;

public sealed class RefreshTests : ApiTest
{
    [Test]
    public async Task Refresh_WithCurrentToken_AnswersNoStore()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.RefreshAsync(login.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "tokens are never cached (API.md v1.1, RFC 6749 §5.1)");
    }

    [Test]
    public async Task Refresh_WithCurrentToken_ReturnsNewTokensForTheSameSession()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.RefreshAsync(login.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var refreshed = (await response.Content.ReadFromJsonAsync<Tokens>())!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refreshed.TokenType, Is.EqualTo("Bearer"));
            Assert.That(refreshed.RefreshToken, Is.Not.EqualTo(login.RefreshToken));
            Assert.That(new JsonWebToken(refreshed.AccessToken).GetClaim("sid").Value,
                Is.EqualTo(new JsonWebToken(login.AccessToken).GetClaim("sid").Value));
            Assert.That((await Client.MeAsync(refreshed.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Refresh_ChainOfRotations_EachNewTokenWorks()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        for (var rotation = 0; rotation < 3; rotation++)
        {
            var response = await Client.RefreshAsync(tokens.RefreshToken);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"rotation {rotation}");
            tokens = (await response.Content.ReadFromJsonAsync<Tokens>())!;
        }

        // One current token: the session's row, now at its fourth generation (no row per refresh any more).
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RefreshGeneration).SingleAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task Refresh_WithRotatedToken_Returns401AndRevokesTheWholeSession()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var refreshed = (await (await Client.RefreshAsync(login.RefreshToken)).Content.ReadFromJsonAsync<Tokens>())!;

        var replay = await Client.RefreshAsync(login.RefreshToken);

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Client.RefreshAsync(refreshed.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
                "the newest token of the session stops working too");
            Assert.That((await Client.MeAsync(refreshed.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
                "and so do its access tokens, at once");
            Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Not.Null);
        }
    }

    [Test]
    public async Task Refresh_WithRotatedToken_RevokesTheSessionEvenWhenARotationCommitsMeanwhile()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.RefreshAsync(login.RefreshToken); // the login's token is now a rotated one

        HttpResponseMessage replay;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var rotation = await UncommittedSessionUpdateAsync(connection))
        {
            var replaying = Client.RefreshAsync(login.RefreshToken);
            await LockWaits.UntilSomeoneWaitsAsync(ConnectionString, LockWaits.Row); // the replay waits for the row
            await rotation.CommitAsync(); // the session row changes (its xmin) under the replay, as a rotation would
            replay = await replaying;
        }

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Not.Null);
    }

    [Test]
    public async Task Refresh_ReuseInOneSession_LeavesTheUsersOtherSessionsAlone()
    {
        var phone = await Client.SaveUserAndLoginAsync(Factory.Services);
        var laptop = await Client.LoginOkAsync();
        await Client.RefreshAsync(phone.RefreshToken);

        await Client.RefreshAsync(phone.RefreshToken);

        Assert.That((await Client.RefreshAsync(laptop.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_AfterThirtyDays_Returns401()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromDays(30));

        var response = await Client.RefreshAsync(login.RefreshToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Refresh_JustBeforeExpiry_Succeeds()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));

        var response = await Client.RefreshAsync(login.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_WithUnknownToken_Returns401()
    {
        await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.RefreshAsync("bm90LWEtdG9rZW4tdGhhdC13YXMtZXZlci1pc3N1ZWQtYnktdXM");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [TestCase("")]
    [TestCase(null)]
    public async Task Refresh_WithoutToken_Returns400(string? refreshToken)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "refreshToken"), Is.Not.Empty);
    }

    [Test]
    public async Task Refresh_WithOverlongToken_Returns400()
    {
        var response = await Client.RefreshAsync(new string('a', 257));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "refreshToken"), Is.Not.Empty);
    }

    [Test]
    public async Task Refresh_TwiceConcurrentlyWithOneToken_ExactlyOneSucceeds()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.RefreshAsync(login.RefreshToken)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Unauthorized), Is.EqualTo(3), string.Join(", ", statuses));
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RefreshGeneration).SingleAsync()), Is.EqualTo(2),
            "one rotation, not several");
    }

    /// <summary>An open transaction that has updated the only session's row without committing.</summary>
    private static async Task<NpgsqlTransaction> UncommittedSessionUpdateAsync(NpgsqlConnection connection)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var update = new NpgsqlCommand("UPDATE sessions SET last_rotated_at = now()", connection, transaction);
        Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
        return transaction;
    }
}
