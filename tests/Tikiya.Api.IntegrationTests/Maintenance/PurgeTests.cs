using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Maintenance;

public sealed class PurgeTests : ApiTest
{
    [Test]
    public async Task Purge_DeletesExpiredAndRevokedRowsAndKeepsLiveOnes()
    {
        var old = await Client.RegisterAndLoginAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(20));
        var live = await Client.RegisterAndLoginAsync("bob@example.com");
        var loggedOut = await Client.LoginOkAsync("bob@example.com");
        await Client.LogoutAsync(loggedOut.RefreshToken);
        await Client.LoginAsync("carol@example.com", "wrong horse battery"); // a throttle row
        Factory.Clock.Advance(TimeSpan.FromDays(11)); // old's session has expired; live's has 19 days left

        var purged = await Purge.RunAsync();

        // Throttles: ann's and bob's (reset by their logins) and carol's (one failure, long ago). Codes: both
        // registrations' verification codes, expired after a day. Refresh tokens: none, as they live on their session's
        // row now (V1RefreshTokenTests purges the rows of tokens issued before that).
        Assert.That((purged.Sessions, purged.RefreshTokens, purged.LoginThrottles, purged.EmailCodes), Is.EqualTo((2, 0, 3, 2)));
        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.LoginThrottles.CountAsync()), Is.Zero);
        Assert.That((await Client.RefreshAsync(live.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(old.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Purge_KeepsWhatDetectsReuseOfARotatedToken()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.RefreshAsync(login.RefreshToken);

        await Purge.RunAsync();

        Assert.That((await Client.RefreshAsync(login.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.RevokedAt).SingleAsync()), Is.Not.Null,
            "the rotated one still detects reuse");
    }

    [Test]
    public async Task Purge_KeepsAThrottleThatStillCounts()
    {
        await Client.LoginAsync("carol@example.com", "wrong horse battery");
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));

        await Purge.RunAsync();

        Assert.That(await QueryAsync(db => db.LoginThrottles.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task PurgeJob_RunsEveryInterval()
    {
        await using var app = new TikiyaApiFactory(TestSetup.Database.Url,
            new Dictionary<string, string> { ["PURGE_INTERVAL_SECS"] = "60" }, runPurgeJob: true);
        using var client = app.CreateClient();
        await client.LoginAsync("carol@example.com", "wrong horse battery");
        app.Clock.Advance(TimeSpan.FromMinutes(16)); // the throttle row is now spent, and the timer is due

        for (var attempt = 0; attempt < 200 && await QueryAsync(db => db.LoginThrottles.CountAsync()) > 0; attempt++)
        {
            await Task.Delay(50);
        }

        Assert.That(await QueryAsync(db => db.LoginThrottles.CountAsync()), Is.Zero);
    }
}
