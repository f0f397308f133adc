using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>
/// What the deployment guide promises, end to end: the published binary (scripts/publish), two instances on one
/// PostgreSQL, behind nginx with deploy/nginx/tikiya-api.conf.
/// </summary>
public sealed class ProxyAndInstancesTests : SharedDatabaseTest
{
    private static RunningApi? _first;
    private static RunningApi? _second;
    private static RunningNginx? _nginx;

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _first = await RunningApi.StartAsync(TestSetup.Database.Url);
        _second = await RunningApi.StartAsync(TestSetup.Database.Url);
        _nginx = await RunningNginx.StartAsync([_first.Port, _second.Port]);
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        // Each may be missing when the set-up failed half-way; whatever started must still stop.
        foreach (var started in new IAsyncDisposable?[] { _nginx, _first, _second })
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task Flow_ThroughTheProxy_Works()
    {
        using var client = _nginx!.CreateClient();

        var tokens = await client.RegisterAndLoginAsync();
        var me = await client.MeAsync(tokens.AccessToken);
        var refreshed = await client.RefreshAsync(tokens.RefreshToken);

        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Docs_ThroughTheProxy_WithTheDefaults_Answers404Problem()
    {
        using var client = _nginx!.CreateClient();

        var response = await client.GetAsync("/docs");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task Login_ThroughTheProxy_RecordsTheClientsAddressNotTheProxys()
    {
        using var client = _nginx!.CreateClient(from: IPAddress.Parse("127.0.0.2"));

        await client.RegisterAndLoginAsync();

        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.IpAddress).SingleAsync()), Is.EqualTo(IPAddress.Parse("127.0.0.2")));
    }

    [Test]
    public async Task ForgedForwardedFor_ThroughTheProxy_IsNotBelieved()
    {
        using var client = _nginx!.CreateClient(from: IPAddress.Parse("127.0.0.3"));
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");

        await client.RegisterAndLoginAsync();

        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.IpAddress).SingleAsync()), Is.EqualTo(IPAddress.Parse("127.0.0.3")));
    }

    [Test]
    public async Task OversizedBody_IsRefusedAtTheEdgeAsProblemJson()
    {
        using var client = _nginx!.CreateClient();
        var body = $$"""{"email":"ann@example.com","password":"{{new string('p', 2 * 1024 * 1024)}}"}""";

        var response = await client.PostAsync("/api/v1/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.That(problem.GetProperty("traceId").GetString(), Does.Match("^[0-9a-f]{32}$"), "nginx's request id: the API never saw it");
    }

    [Test]
    public async Task OversizedHeaders_AreRefusedAtTheEdgeAsProblemJson()
    {
        using var client = _nginx!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('h', 20 * 1024)); // over nginx's 16 KiB header buffers

        var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "request_headers_too_large");
    }

    [Test]
    public async Task Request_WhenNoInstanceAnswers_IsRefusedAtTheEdgeAs503ProblemJson()
    {
        await using var nginx = await RunningNginx.StartAsync([FreePort.Next()]); // nothing listens there
        using var client = nginx.CreateClient();

        var response = await client.GetAsync("/health/ready");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task TokensFromOneInstance_RefreshOnTheOther()
    {
        var tokens = await _first!.Client.RegisterAndLoginAsync();

        var refreshed = await _second!.Client.RefreshAsync(tokens.RefreshToken);

        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var next = (await refreshed.Content.ReadFromJsonAsync<Tokens>(JsonSerializerOptions.Web))!;
        Assert.That((await _first!.Client.MeAsync(next.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _first!.Client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
            "the rotation made on the second instance counts on the first");
    }

    [Test]
    public async Task LogoutOnOneInstance_RevokesOnTheOther()
    {
        var tokens = await _first!.Client.RegisterAndLoginAsync();

        await _first!.Client.LogoutAsync(tokens.RefreshToken);

        Assert.That((await _second!.Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _second!.Client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SessionEndedOnOneInstance_IsRefusedOnTheOtherAtTheNextRequest()
    {
        var phone = await _first!.Client.RegisterAndLoginAsync();
        var laptop = await _first!.Client.LoginOkAsync();
        Assert.That((await _second!.Client.MeAsync(phone.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var ended = await _first!.Client.EndSessionAsync(laptop.AccessToken, phone.SessionId);

        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _second!.Client.MeAsync(phone.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _second!.Client.SessionsAsync(phone.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await _second!.Client.RefreshAsync(phone.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task LogoutOthersOnOneInstance_EndsThemOnTheOtherAtTheNextRequest()
    {
        var phone = await _first!.Client.RegisterAndLoginAsync();
        var tablet = await _second!.Client.LoginOkAsync();
        var laptop = await _second!.Client.LoginOkAsync();

        var response = await _first!.Client.LogoutOthersAsync(laptop.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (Assert.EnterMultipleScope())
        {
            foreach (var other in new[] { phone, tablet })
            {
                Assert.That((await _second!.Client.MeAsync(other.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await _second!.Client.LogoutAllAsync(other.AccessToken)).StatusCode,
                    Is.EqualTo(HttpStatusCode.Unauthorized), "the per-request check, not only the handler's own");
            }

            Assert.That((await _second!.Client.MeAsync(laptop.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Throttling_HoldsAcrossInstances()
    {
        await new UserBuilder().RegisterAsync(_first!.Client);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var instance = attempt % 2 == 0 ? _first! : _second!;
            Assert.That((await instance.Client.LoginAsync(password: "wrong horse battery")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That((await _first!.Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await _second!.Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
