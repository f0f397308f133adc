using System.Buffers.Binary;
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>
/// Refresh on one row per session: each token names its session and generation, and a rotation is one conditional
/// UPDATE of that row (API.md: rotation, reuse detection, exactly one of concurrent refreshes).
/// </summary>
public sealed class RefreshRotationTests : ApiTest
{
    [Test]
    public async Task Refresh_MovesTheSessionToTheNextGenerationWithAFullLifetime()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        var now = Factory.Clock.GetUtcNow();

        var refreshed = await Client.RefreshOkAsync(login.RefreshToken);

        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.RefreshGeneration, Is.EqualTo(Session.FirstGeneration + 1));
            Assert.That(session.RefreshTokenHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(refreshed.RefreshToken))));
            Assert.That(session.LastRotatedAt, Is.EqualTo(now));
            Assert.That(session.ExpiresAt, Is.EqualTo(now + TimeSpan.FromDays(30)), "API.md: refresh tokens expire (30 days)");
            Assert.That(Generation(refreshed.RefreshToken), Is.EqualTo(session.RefreshGeneration), "the token names it");
        }
    }

    [Test]
    public async Task Refresh_ManyTimes_KeepsOneRowForTheSession()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        for (var rotation = 0; rotation < 100; rotation++)
        {
            tokens = await Client.RefreshOkAsync(tokens.RefreshToken);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(1));
            Assert.That(await QueryAsync(db => db.RefreshTokens.CountAsync()), Is.Zero, "no row per refresh");
            Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RefreshGeneration).SingleAsync()), Is.EqualTo(101));
            Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Refresh_WithAVeryOldGeneration_RevokesTheSessionPastThirtyDays()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var tokens = login;
        for (var rotation = 0; rotation < 50; rotation++)
        {
            Factory.Clock.Advance(TimeSpan.FromDays(1)); // 50 days: the first token is long past its own 30 days
            tokens = await Client.RefreshOkAsync(tokens.RefreshToken);
        }

        var replay = await Client.RefreshAsync(login.RefreshToken);

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Not.Null);
            Assert.That((await Client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
                "the newest token stops working too");
            Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Refresh_WithForgedTokenNamingARealSession_Returns401AndLeavesTheSessionAlone()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var refreshed = await Client.RefreshOkAsync(login.RefreshToken);
        var sessionId = Guid.Parse(new JsonWebToken(login.AccessToken).GetClaim("sid").Value);

        // Generation 1 is behind the session: with a tag that verified, this would be reuse and revoke it.
        var response = await Client.RefreshAsync(Forge(sessionId, Session.FirstGeneration));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Null);
        Assert.That((await Client.RefreshAsync(refreshed.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_AfterJwtSecretChanged_RotatesTheCurrentTokenButProvesNoReuse()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var current = await Client.RefreshOkAsync(login.RefreshToken); // the login's token is generation 1, behind
        await using var rotated = Factory.WithWebHostBuilder(b => b.UseSetting("JWT_SECRET", "a-new-secret-of-at-least-thirty-two-bytes!"));
        using var client = rotated.CreateClient();

        var next = await client.RefreshAsync(current.RefreshToken);
        var replay = await client.RefreshAsync(login.RefreshToken);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), "its hash proves the current token: nobody logs in again");
        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Null,
            "an old tag no longer proves an earlier generation: refused, not taken for theft");
        var newest = (await next.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.That((await client.RefreshAsync(newest.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_WithForgedTokenNamingARealSession_Returns204AndLeavesTheSessionAlone()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var sessionId = Guid.Parse(new JsonWebToken(login.AccessToken).GetClaim("sid").Value);

        var response = await Client.LogoutAsync(Forge(sessionId, Session.FirstGeneration));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Client.MeAsync(login.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_WithCurrentGenerationButAnotherHash_Returns401AndChangesNothing()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var sessionId = Guid.Parse(new JsonWebToken(login.AccessToken).GetClaim("sid").Value);
        var impostor = Factory.Services.GetRequiredService<IRefreshTokenCodec>().Create(sessionId, Session.FirstGeneration);

        var response = await Client.RefreshAsync(impostor.Token);
        var logout = await Client.LogoutAsync(impostor.Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        Assert.That((session.RevokedAt, session.RefreshGeneration), Is.EqualTo(((DateTimeOffset?)null, Session.FirstGeneration)));
        Assert.That((await Client.RefreshAsync(login.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_OfARevokedSession_Returns401AndLogsNoReuse()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        var refreshed = await Client.RefreshOkAsync(login.RefreshToken);
        await Client.LogoutAsync(refreshed.RefreshToken);
        var revokedAt = await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync());
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var current = await Client.RefreshAsync(refreshed.RefreshToken);
        var rotated = await Client.RefreshAsync(login.RefreshToken);

        await ProblemAssert.IsProblemAsync(current, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await ProblemAssert.IsProblemAsync(rotated, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.EqualTo(revokedAt));
    }

    [Test]
    public async Task Refresh_LosersOfARace_AreNotTakenForReuse()
    {
        const int racers = 8;
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);

        Tokens winner;
        HttpResponseMessage[] responses;
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            // Hold the session's row, so that every refresh has begun, its token still current, before any commits.
            await using var hold = await connection.BeginTransactionAsync();
            await using (var touch = new NpgsqlCommand("UPDATE sessions SET user_agent = user_agent", connection, hold))
            {
                Assert.That(await touch.ExecuteNonQueryAsync(), Is.EqualTo(1));
            }

            var racing = Task.WhenAll(Enumerable.Range(0, racers).Select(_ => Client.RefreshAsync(login.RefreshToken)));
            await LockWaits.UntilSomeWaitAsync(ConnectionString, racers);
            await hold.CommitAsync();
            responses = await racing;
            var won = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.That(won, Has.Count.EqualTo(1), string.Join(", ", responses.Select(r => r.StatusCode)));
            winner = (await won[0].Content.ReadFromJsonAsync<Tokens>())!;
        }

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), Is.EqualTo(racers - 1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Null,
                "a lost race is not theft: the winner's session lives on");
            Assert.That((await Client.MeAsync(winner.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Client.RefreshAsync(winner.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    /// <summary>A token of the right shape naming <paramref name="sessionId"/>, with a tag made without the key.</summary>
    private static string Forge(Guid sessionId, long generation)
    {
        var token = new byte[1 + 16 + 8 + 32 + 16];
        token[0] = 2;
        sessionId.TryWriteBytes(token.AsSpan(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(17, 8), generation);
        RandomNumberGenerator.Fill(token.AsSpan(25));
        return Base64Url.EncodeToString(token);
    }

    private static long Generation(string refreshToken) =>
        BinaryPrimitives.ReadInt64BigEndian(Base64Url.DecodeFromChars(refreshToken).AsSpan(17, 8));
}
