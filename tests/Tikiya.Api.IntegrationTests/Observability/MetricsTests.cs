using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Observability;

public sealed class MetricsTests : ApiTest
{
    [Test]
    public async Task Metrics_AfterTraffic_ExposeWhatOperatorsWatch()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "1"));
        using var client = app.CreateClient();
        await new UserBuilder().RegisterAsync(client);
        await new UserBuilder().WithEmail("bob@example.com").RegisterAsync(client); // refused by the register bucket: one a minute
        using var management = app.CreateManagementClient();

        var response = await management.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        var metrics = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics.Split('\n').Where(line => line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)),
                Has.Some.Contains("http_route=\"api/v1/auth/register\"").And.Contains("http_response_status_code=\"201\""),
                "latency histogram by endpoint and status");
            Assert.That(metrics, Does.Contain("service_name=\"tikiya-api\""));
            Assert.That(metrics, Does.Contain("http_server_active_requests"), "requests in flight");
            Assert.That(metrics, Does.Match(
                "aspnetcore_rate_limiting_requests_total\\{[^}]*aspnetcore_rate_limiting_result=\"endpoint_limiter\"[^}]*\\} 1"),
                "refusals by limiter, in the rate limiter's own meter");
            Assert.That(metrics, Does.Contain("tikiya_password_hashing_waiting"), "hashing queue");
            Assert.That(metrics, Does.Contain("tikiya_password_hashing_in_use"));
            Assert.That(metrics, Does.Match("db_client_connection_count\\{[^}]*state=\"used\""), "pool in use");
            Assert.That(metrics, Does.Contain("db_client_connection_max"));
            Assert.That(metrics, Does.Contain("dotnet_gc_collections_total"), "GC");
            Assert.That(metrics, Does.Contain("dotnet_process_memory_working_set_bytes"), "memory");
            Assert.That(metrics, Does.Not.Contain(TikiyaApiFactory.JwtSecret).And.Not.Contain("Password=tikiya"));
        }
    }

    [Test]
    public async Task Metrics_WhenSaturated_StillAnswer()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("HTTP_CONCURRENCY_LIMIT", "1").UseSetting("HTTP_CONCURRENCY_QUEUE", "0"));
        using var client = app.CreateClient();
        using var management = app.CreateManagementClient();
        Task<HttpResponseMessage> stalled;
        HttpResponseMessage metrics;
        await using (var usersLock = await TableLock.TakeAsync(ConnectionString, "users"))
        {
            stalled = new UserBuilder().RegisterAsync(client);
            await usersLock.WaitUntilSomeoneWaitsAsync();
            metrics = await management.GetAsync("/metrics");
        }

        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await stalled).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Metrics_AfterADatabaseRefusal_CountItOnce()
    {
        await using var app = Factory.WithWebHostBuilder(b =>
            b.UseSetting("DATABASE_POOL_MAX", "2").UseSetting("DATABASE_CONNECT_TIMEOUT_SECS", "1"));
        using var client = app.CreateClient();
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        HttpResponseMessage refused;
        await using (await dataSource.OpenConnectionAsync())
        await using (await dataSource.OpenConnectionAsync()) // the pool is exhausted: no connection within 1 s
        {
            refused = await new UserBuilder().RegisterAsync(client);
        }

        using var management = app.CreateManagementClient();
        var metrics = await management.GetStringAsync("/metrics");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(metrics, Does.Match("tikiya_requests_refused_total\\{[^}]*limiter=\"database_unavailable\"[^}]*\\} 1"));
    }

    [Test]
    public async Task Metrics_AfterAHashingRefusal_CountItOnce()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.WithOneSlowHashingThread());
        using var client = app.CreateClient();
        var inFlight = await BusyHasher.StartLoginAsync(client, app.Services);
        var refused = await client.LoginAsync();
        await inFlight;
        using var management = app.CreateManagementClient();

        var metrics = await management.GetStringAsync("/metrics");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(metrics, Does.Match("tikiya_requests_refused_total\\{[^}]*limiter=\"hashing\"[^}]*\\} 1"));
        Assert.That(metrics, Does.Contain("tikiya_password_hashing_waiting"), "the hasher's gauges");
    }
}
