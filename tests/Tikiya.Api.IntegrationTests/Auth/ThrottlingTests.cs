using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>API.md, Throttling: 5 failures in a row → 429 with Retry-After for 15 minutes, known email or not.</summary>
public sealed class ThrottlingTests : ApiTest
{
    private const string WrongPassword = "wrong horse battery";

    [TestCase(UserBuilder.DefaultEmail)]
    [TestCase("nobody@example.com")]
    public async Task Login_AfterFiveFailures_Returns429WithRetryAfterForFifteenMinutes(string email)
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.That((await Client.LoginAsync(email, WrongPassword)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var throttled = await Client.LoginAsync(email, WrongPassword);

        await ProblemAssert.IsProblemAsync(throttled, HttpStatusCode.TooManyRequests, "login_throttled");
        Assert.That(throttled.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public async Task Login_WhileThrottled_RefusesEvenTheRightPassword()
    {
        await FailFiveTimesAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await Client.LoginAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task Login_AfterTheLockout_IsAllowedAgain()
    {
        await FailFiveTimesAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(15));

        var response = await Client.LoginAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_Success_ResetsTheCount()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await FailAsync(4);
        await Client.LoginOkAsync();

        await FailAsync(4);
        var fifth = await Client.LoginAsync(password: WrongPassword);

        Assert.That(fifth.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "only four failures in a row so far");
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Login_ThrottlingOneEmail_LeavesOthersAlone()
    {
        await FailFiveTimesAsync();
        await new UserBuilder().WithEmail("bob@example.com").SaveAsync(Factory.Services);

        var response = await Client.LoginAsync("bob@example.com");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_ConcurrentGuesses_AreAllCounted()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Client.LoginAsync(password: WrongPassword)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Unauthorized), Is.EqualTo(5), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.EqualTo(7));
    }

    [Test]
    public async Task Login_Throttle_IsKeptInPostgreSqlWithoutTheEmail()
    {
        await FailAsync(1);

        var key = await QueryAsync(db => db.LoginThrottles.AsNoTracking().Select(t => t.Key).SingleAsync());

        Assert.That(key, Does.Match("^[0-9a-f]{64}$").And.Not.Contain("example"));
    }

    [Test]
    public async Task Login_WithConfiguredLimits_ThrottlesAfterThoseFailures()
    {
        await using var strict = Factory.WithWebHostBuilder(b =>
            b.UseSetting("LOGIN_THROTTLE_MAX_FAILURES", "2").UseSetting("LOGIN_THROTTLE_LOCKOUT_SECS", "60"));
        using var client = strict.CreateClient();
        await client.LoginAsync(password: WrongPassword);
        await client.LoginAsync(password: WrongPassword);

        var response = await client.LoginAsync(password: WrongPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    private async Task FailFiveTimesAsync()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await FailAsync(5);
    }

    private async Task FailAsync(int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            await Client.LoginAsync(password: WrongPassword);
        }
    }
}
