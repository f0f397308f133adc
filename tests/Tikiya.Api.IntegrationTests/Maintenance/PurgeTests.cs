using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Auth.Maintenance;

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

        var purged = await PurgeAsync();

        // Throttles: ann's and bob's (reset by their logins) and carol's (one failure, long ago). Codes: both
        // registrations' verification codes, expired after a day.
        Assert.That((purged.Sessions, purged.RefreshTokens, purged.LoginThrottles, purged.EmailCodes), Is.EqualTo((2, 1, 3, 2)));
        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.LoginThrottles.CountAsync()), Is.Zero);
        Assert.That((await Client.RefreshAsync(live.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(old.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Purge_KeepsRotatedTokensUntilTheyExpire()
    {
        var login = await Client.RegisterAndLoginAsync();
        await Client.RefreshAsync(login.RefreshToken);

        await PurgeAsync();

        Assert.That(await QueryAsync(db => db.RefreshTokens.CountAsync()), Is.EqualTo(2), "the rotated one still detects reuse");
    }

    [Test]
    public async Task Purge_KeepsAThrottleThatStillCounts()
    {
        await Client.LoginAsync("carol@example.com", "wrong horse battery");
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));

        await PurgeAsync();

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

    private static async Task<PurgeResult> PurgeAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeExpiredCommand());
    }
}
