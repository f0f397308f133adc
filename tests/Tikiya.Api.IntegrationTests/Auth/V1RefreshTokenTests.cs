using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Domain.Sessions;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>
/// Refresh tokens issued before tokens named their session (rows in refresh_tokens) keep working until they expire:
/// an upgrade logs no one out, and reuse is still detected (API.md).
/// </summary>
public sealed class V1RefreshTokenTests : ApiTest
{
    [Test]
    public async Task Refresh_WithV1CurrentToken_RotatesTheSessionIntoItsRow()
    {
        var v1 = await V1Sessions.InsertAsync(ConnectionString, await SavedUserAsync(), Factory.Clock.GetUtcNow());

        var response = await Client.RefreshAsync(v1.Current);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var refreshed = (await response.Content.ReadFromJsonAsync<Tokens>())!;
        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new JsonWebToken(refreshed.AccessToken).GetClaim("sid").Value, Is.EqualTo(v1.Id.ToString()));
            Assert.That(refreshed.RefreshToken, Has.Length.EqualTo(98), "the new format");
            Assert.That(session.RefreshGeneration, Is.EqualTo(Session.FirstGeneration));
            Assert.That(session.RefreshTokenHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(refreshed.RefreshToken))));
            Assert.That(await QueryAsync(db => db.RefreshTokens.CountAsync(t => t.RotatedAt == null)), Is.Zero,
                "the v1 token is spent, for the instances of the release before too");
            Assert.That((await Client.RefreshAsync(refreshed.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK),
                "the session goes on in the new scheme");
        }
    }

    [Test]
    public async Task Refresh_WithV1RotatedToken_RevokesTheWholeSession()
    {
        var v1 = await V1Sessions.InsertAsync(ConnectionString, await SavedUserAsync(), Factory.Clock.GetUtcNow(), rotations: 2);

        var replay = await Client.RefreshAsync(v1.Tokens[0]);

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Not.Null);
        Assert.That((await Client.RefreshAsync(v1.Current)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
            "the newest token of the session stops working too");
    }

    [Test]
    public async Task Refresh_WithV1TokenThatAlreadyMovedItsSession_RevokesTheWholeSession()
    {
        var v1 = await V1Sessions.InsertAsync(ConnectionString, await SavedUserAsync(), Factory.Clock.GetUtcNow());
        var moved = await Client.RefreshOkAsync(v1.Current);

        var replay = await Client.RefreshAsync(v1.Current);

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Client.RefreshAsync(moved.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Client.MeAsync(moved.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Refresh_WithExpiredV1Token_Returns401AndChangesNothing()
    {
        var v1 = await V1Sessions.InsertAsync(ConnectionString, await SavedUserAsync(), Factory.Clock.GetUtcNow(), rotations: 1);
        Factory.Clock.Advance(V1Sessions.RefreshTokenLifetime);

        var current = await Client.RefreshAsync(v1.Current);
        var rotated = await Client.RefreshAsync(v1.Tokens[0]);

        await ProblemAssert.IsProblemAsync(current, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await ProblemAssert.IsProblemAsync(rotated, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        Assert.That((session.RevokedAt, session.RefreshGeneration), Is.EqualTo(((DateTimeOffset?)null, Session.LegacyGeneration)));
    }

    [Test]
    public async Task Refresh_JustBeforeV1TokenExpires_Succeeds()
    {
        var v1 = await V1Sessions.InsertAsync(ConnectionString, await SavedUserAsync(), Factory.Clock.GetUtcNow());
        Factory.Clock.Advance(V1Sessions.RefreshTokenLifetime - TimeSpan.FromSeconds(1));

        var response = await Client.RefreshAsync(v1.Current);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_ConcurrentlyWithOneV1Token_ExactlyOneSucceeds()
    {
        var v1 = await V1Sessions.InsertAsync(ConnectionString, await SavedUserAsync(), Factory.Clock.GetUtcNow());

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.RefreshAsync(v1.Current)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RefreshGeneration).SingleAsync()),
            Is.EqualTo(Session.FirstGeneration), "one rotation, not several");
    }

    [TestCase(0)]
    [TestCase(1)]
    public async Task Logout_WithV1TokenCurrentOrRotated_EndsItsSession(int token)
    {
        var userId = await SavedUserAsync();
        var v1 = await V1Sessions.InsertAsync(ConnectionString, userId, Factory.Clock.GetUtcNow(), rotations: 1);
        var other = await V1Sessions.InsertAsync(ConnectionString, userId, Factory.Clock.GetUtcNow());

        var response = await Client.LogoutAsync(v1.Tokens[token]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await QueryAsync(db => db.Sessions.Where(s => s.RevokedAt != null).Select(s => s.Id).ToListAsync()),
            Is.EqualTo(new[] { v1.Id }), "that session, and no other");
        Assert.That((await Client.RefreshAsync(other.Current)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Purge_DeletesExpiredV1TokensAndKeepsTheOthers()
    {
        var userId = await SavedUserAsync();
        await V1Sessions.InsertAsync(ConnectionString, userId, Factory.Clock.GetUtcNow(), rotations: 2);
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        var live = await V1Sessions.InsertAsync(ConnectionString, userId, Factory.Clock.GetUtcNow(), rotations: 1);
        Factory.Clock.Advance(TimeSpan.FromDays(25)); // the first session's three tokens have expired, not the second's two

        var purged = await Purge.RunAsync();

        Assert.That(purged.RefreshTokens, Is.EqualTo(3));
        Assert.That(await QueryAsync(db => db.RefreshTokens.CountAsync(t => t.SessionId == live.Id)), Is.EqualTo(2),
            "a rotated token still detects reuse until it expires");
    }

    private static async Task<Guid> SavedUserAsync() => (await new UserBuilder().SaveAsync(Factory.Services)).Id;
}
