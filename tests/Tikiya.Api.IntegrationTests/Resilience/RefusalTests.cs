using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Resilience;

/// <summary>At saturation the API refuses cleanly: 503 or 429 with Retry-After, 504 past the timeout, problem+json.</summary>
public sealed class RefusalTests : ApiTest
{

    [Test]
    public async Task Request_BeyondTheConcurrencyLimit_Gets503WithRetryAfterAndHealthStillAnswers()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("HTTP_CONCURRENCY_LIMIT", "1").UseSetting("HTTP_CONCURRENCY_QUEUE", "0"));
        using var client = app.CreateClient();
        Task<HttpResponseMessage> stalled;
        HttpResponseMessage refused, live, ready;
        await using (var usersLock = await TableLock.TakeAsync(ConnectionString, "users"))
        {
            stalled = new UserBuilder().RegisterAsync(client);
            await usersLock.WaitUntilSomeoneWaitsAsync(); // the one permitted request is in flight

            refused = await new UserBuilder().WithEmail("bob@example.com").RegisterAsync(client);
            live = await client.GetAsync("/health/live");
            ready = await client.GetAsync("/health/ready");
        }

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "overloaded");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health is exempt from the limit");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await stalled).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the request in flight completes");
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1), "the refused one changed nothing");
    }

    [Test]
    public async Task Request_OverTheTimeout_Gets504AndChangesNothing()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("HTTP_REQUEST_TIMEOUT_SECS", "1"));
        using var client = app.CreateClient();
        HttpResponseMessage response;
        await using (await TableLock.TakeAsync(ConnectionString, "users"))
        {
            response = await new UserBuilder().RegisterAsync(client);
        }

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout, "timeout");
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Login_WhenTheHasherHasNoRoom_Gets503WithRetryAfterAndCountsNoFailure()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await using var app = Factory.WithWebHostBuilder(b => b.WithOneSlowHashingThread());
        using var client = app.CreateClient();

        var inFlight = await BusyHasher.StartLoginAsync(client, app.Services);
        var refused = await client.LoginAsync();
        var first = await inFlight;

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "overloaded");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var throttles = await QueryAsync(db => db.LoginThrottles.Select(t => new { t.ConsecutiveFailures, t.AttemptsInFlight }).ToListAsync());
        Assert.That(throttles.Sum(t => t.ConsecutiveFailures), Is.EqualTo(1),
            "the unknown email counts; the refused login, whose password was never checked, does not");
        Assert.That(throttles.Sum(t => t.AttemptsInFlight), Is.Zero, "every place given back");
        Assert.That((await client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AuthRequests_BeyondThePerClientRate_Get429WithRetryAfter()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "3"));
        using var client = app.CreateClient();
        for (var request = 0; request < 3; request++)
        {
            Assert.That((await client.LoginAsync("nobody@example.com")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var limited = await client.LoginAsync("nobody@example.com"); // the login bucket's: register has its own
        var health = await client.GetAsync("/health/live");

        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AuthRequests_WithTheRateLimitOff_AreNeverLimited()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "0"));
        using var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("/api/v1/auth/logout",
            System.Net.Http.Json.JsonContent.Create(new { refreshToken = "unknown" }))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Request_WhenThePoolIsExhausted_Gets503InsteadOfHanging()
    {
        await using var app = Factory.WithWebHostBuilder(b =>
            b.UseSetting("DATABASE_POOL_MAX", "2").UseSetting("DATABASE_CONNECT_TIMEOUT_SECS", "1"));
        using var client = app.CreateClient();
        var dataSource = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        HttpResponseMessage response;
        await using (var first = await dataSource.OpenConnectionAsync())
        await using (var second = await dataSource.OpenConnectionAsync())
        {
            response = await new UserBuilder().RegisterAsync(client);
        }

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That((await new UserBuilder().RegisterAsync(client)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "and it recovers");
        using var management = app.CreateManagementClient();
        var metrics = await (await management.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.That(metrics, Does.Match("db_client_connection_npgsql_timeouts_total\\{[^}]*\\} [1-9]"), "Npgsql counts the wait that timed out");
        Assert.That(metrics, Does.Contain("db_client_connection_npgsql_pending_requests"), "and exports the requests waiting");
    }
}
