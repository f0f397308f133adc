using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>
/// Issue 14, "Unbounded growth": a user holds at most SESSION_MAX_PER_USER active sessions; a login past it ends the
/// least recently used one (by its last refresh, or its login), in the login's own transaction.
/// </summary>
public sealed class SessionCapTests : ApiTest
{
    [Test]
    public async Task Login_PastTheCap_EndsTheLeastRecentlyUsedSessionOnly()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("SESSION_MAX_PER_USER", "3"));
        using var client = app.CreateClient();
        await new UserBuilder().SaveAsync(Factory.Services);
        var first = await LoginThenWaitAsync(client);
        var second = await LoginThenWaitAsync(client);
        var third = await LoginThenWaitAsync(client);
        first = await client.RefreshOkAsync(first.RefreshToken); // used last of the three: the second is now the oldest in use

        var fourth = await client.LoginOkAsync();

        await ProblemAssert.IsProblemAsync(await client.RefreshAsync(second.RefreshToken), HttpStatusCode.Unauthorized,
            "invalid_refresh_token");
        Assert.That((await client.MeAsync(second.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
            "the session check refuses its access token at once");
        foreach (var kept in new[] { first, third, fourth })
        {
            Assert.That((await client.MeAsync(kept.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await QueryAsync(db => db.Sessions.CountAsync(s => s.RevokedAt == null)), Is.EqualTo(3));
        Assert.That(await QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == SecurityEventType.SessionRevoked)),
            Is.EqualTo(1), "the fourth login ended one session, and says so");
    }

    [Test]
    public async Task Login_ManyTimes_KeepsAtMostTheCapActive()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("SESSION_MAX_PER_USER", "2"));
        using var client = app.CreateClient();
        await new UserBuilder().SaveAsync(Factory.Services);

        for (var login = 0; login < 5; login++)
        {
            await LoginThenWaitAsync(client);
        }

        Assert.That(await QueryAsync(db => db.Sessions.CountAsync(s => s.RevokedAt == null)), Is.EqualTo(2));
    }

    private static async Task<Tokens> LoginThenWaitAsync(HttpClient client)
    {
        var tokens = await client.LoginOkAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1)); // a distinct last use for each
        return tokens;
    }
}
