using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>
/// What a stranger can reach: the published binary as the shipped unit runs it (BIND_ADDRESS=127.0.0.1, the metrics on
/// a management port of their own, on loopback) behind nginx with deploy/nginx/tikiya-api.conf: no metrics through
/// the proxy or on the API's port however /metrics is spelled, the proxy's TLS, headers and edge limits.
/// </summary>
public sealed class ExposureTests : SharedDatabaseTest
{
    private static RunningApi? _api;
    private static RunningNginx? _nginx;

    /// <summary>The spellings that reached the metrics through the proxy when nginx alone hid them (issue 14).</summary>
    public static readonly string[] MetricsSpellings = ["/metrics", "/Metrics", "/METRICS", "/metrics/", "/%6detrics"];

    /// <summary>With //metrics too, which not even the management port takes for /metrics.</summary>
    public static readonly string[] AllMetricsSpellings = [.. MetricsSpellings, "//metrics"];

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _api = await RunningApi.StartAsync(TestSetup.Database.Url, new Dictionary<string, string> { ["BIND_ADDRESS"] = "127.0.0.1" });
        _nginx = await RunningNginx.StartAsync([_api.Port]);
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        foreach (var started in new IAsyncDisposable?[] { _nginx, _api })
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    [TestCaseSource(nameof(AllMetricsSpellings))]
    public async Task Metrics_ThroughTheProxy_Answer404WithoutMetrics(string target)
    {
        await using var connection = await _nginx!.ConnectTlsAsync();

        var response = await RawHttp.GetAsync(connection, target);

        AssertNotFoundWithoutMetrics(response);
    }

    [TestCaseSource(nameof(AllMetricsSpellings))]
    public async Task Metrics_OnTheApisPort_Answer404WithoutMetrics(string target)
    {
        var response = await RawHttp.GetAsync(_api!.Port, target);

        AssertNotFoundWithoutMetrics(response);
    }

    [TestCaseSource(nameof(MetricsSpellings))]
    public async Task Metrics_OnTheManagementPort_AreServed(string target)
    {
        var response = await RawHttp.GetAsync(_api!.MetricsPort, target);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Assert.That(response.Text, Does.Contain("# TYPE dotnet_gc_collections_total"));
    }

    [TestCase("/api/v1/users/me")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/metrics/x")]
    [TestCase("//metrics")]
    public async Task ApiRoutes_OnTheManagementPort_Answer404(string target)
    {
        var response = await RawHttp.GetAsync(_api!.MetricsPort, target);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound), response.Text);
        Assert.That(response.Text, Does.Contain("application/problem+json"));
    }

    [Test]
    public async Task Health_OnTheManagementPort_Answers()
    {
        var response = await RawHttp.GetAsync(_api!.MetricsPort, "/health/ready");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
    }

    [Test]
    public async Task Listeners_OnLoopbackAddresses_RefuseConnectionsToOtherAddresses()
    {
        // 127.0.0.2 is this host too: a listener on every interface would take it.
        var other = IPAddress.Parse("127.0.0.2");

        using (Assert.EnterMultipleScope())
        {
            foreach (var port in new[] { _api!.Port, _api.MetricsPort })
            {
                using var tcp = new TcpClient();
                Assert.That(async () => await tcp.ConnectAsync(other, port),
                    Throws.InstanceOf<SocketException>().With.Property(nameof(SocketException.SocketErrorCode)).EqualTo(SocketError.ConnectionRefused),
                    $"port {port}");
            }
        }
    }

    [Test]
    public async Task Answers_ThroughTheProxy_SayNosniffAndNoVersion()
    {
        using var client = _nginx!.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.Server.ToString(), Is.EqualTo("nginx"), "server_tokens off");
    }

    [Test]
    public async Task RefusalsOfTheProxy_SayNosniffToo()
    {
        await using var nginx = await RunningNginx.StartAsync([FreePort.Next()]); // nothing listens there
        using var client = nginx.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [TestCase(SslProtocols.Tls12)]
    [TestCase(SslProtocols.Tls13)]
    public async Task Tls_OfAVersionMozillaIntermediateAllows_IsAccepted(SslProtocols protocol)
    {
        await using var connection = await _nginx!.ConnectTlsAsync(protocol);

        Assert.That(connection.SslProtocol, Is.EqualTo(protocol));
    }

    [Test]
    public async Task Tls11_IsRefusedByTheSitesProtocols()
    {
        // openssl, not .NET: its client can be told to offer TLS 1.1 at security level 0, and it prints the server's
        // alert. OpenSSL 3 refuses TLS 1.1 at its default level on its own ("internal error"); "protocol version" is
        // ssl_protocols refusing it.
        var handshake = await ProcessRunner.RunAsync("openssl", ["s_client", "-connect", $"127.0.0.1:{_nginx!.HttpsPort}",
            "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"], timeout: TimeSpan.FromSeconds(30));

        Assert.That(handshake.ExitCode, Is.Not.Zero);
        Assert.That(handshake.StandardError, Does.Contain("alert protocol version"), handshake.StandardOutput);
    }

    [Test]
    public async Task AuthRequests_BeyondTheEdgeBurst_Get429ProblemWithRetryAfter()
    {
        // The shipped rate (30/s, 1500 at once) is out of a test's reach: one a minute and 2 at once, the rest as shipped.
        await using var nginx = await RunningNginx.StartAsync([_api!.Port], new Dictionary<string, string>
        {
            ["rate=30r/s"] = "rate=1r/m",
            ["burst=1500"] = "burst=2",
        });
        using var client = nginx.CreateClient();
        for (var allowed = 0; allowed < 3; allowed++)
        {
            Assert.That((await LogoutAsync(client, "/api/v1/auth/logout")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var limited = await LogoutAsync(client, "/api/v1/auth/logout");
        var otherCase = await LogoutAsync(client, "/API/V1/Auth/logout");
        var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        await AssertRefusedAtTheEdgeAsync(limited);
        await AssertRefusedAtTheEdgeAsync(otherCase);
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only /api/v1/auth/ is rate-limited");
    }

    [Test]
    public async Task Requests_BeyondTheEdgeConnectionLimit_Get429ProblemWithRetryAfter()
    {
        await using var nginx = await RunningNginx.StartAsync([_api!.Port], new Dictionary<string, string>
        {
            ["limit_conn tikiya_conn 100;"] = "limit_conn tikiya_conn 1;",
        });
        await using var held = await nginx.ConnectTlsAsync();
        // A request in flight: its headers read, its body awaited. nginx says "100 Continue" when it starts reading the
        // body, so by then the request has been counted.
        await held.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/v1/auth/logout HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 30\r\nExpect: 100-continue\r\n\r\n"));
        await held.FlushAsync();
        var interim = new byte[64];
        var read = await held.ReadAsync(interim);
        Assert.That(Encoding.ASCII.GetString(interim, 0, read), Does.StartWith("HTTP/1.1 100 Continue"));
        using var client = nginx.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        await AssertRefusedAtTheEdgeAsync(response);
    }

    private static void AssertNotFoundWithoutMetrics(RawResponse response)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound), response.Text);
            Assert.That(response.Text, Does.Contain("application/problem+json").And.Contain("\"code\":\"not_found\""), "the API's own 404");
            Assert.That(response.Text, Does.Not.Contain("# TYPE").And.Not.Contain("dotnet_"), "no metrics");
        }
    }

    private static async Task AssertRefusedAtTheEdgeAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(problem.GetProperty("traceId").GetString(), Does.Match("^[0-9a-f]{32}$"), "nginx's request id: the API never saw it");
    }

    private static Task<HttpResponseMessage> LogoutAsync(HttpClient client, string path) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { refreshToken = "unknown" });
}
