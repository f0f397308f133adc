using System.Net;

namespace Tikiya.Api.ProcessTests.Resilience;

/// <summary>
/// PostgreSQL stopped under a running API, then started again, on a cluster of this test's own (scripts/postgres):
/// requests get 503 quickly, readiness says so, liveness does not, and everything recovers without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    private string _cluster = null!;
    private string _url = null!;

    [SetUp]
    public async Task StartClusterAsync()
    {
        _cluster = Path.Combine(Path.GetTempPath(), $"tikiya-outage-{Guid.NewGuid():N}");
        _url = await PostgresAsync("start", _cluster, FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--fast");
    }

    [TearDown]
    public async Task RemoveClusterAsync()
    {
        await PostgresAsync("stop", _cluster);
        Directory.Delete(_cluster, recursive: true);
    }

    [Test]
    public async Task Requests_WhileTheDatabaseIsDown_Get503AndRecoverAfterwards()
    {
        // A 30 s request timeout: an answer of 503 rather than 504 shows the short connect timeout gave it.
        await using var app = new TikiyaApiFactory(_url, new Dictionary<string, string> { ["DATABASE_CONNECT_TIMEOUT_SECS"] = "2" });
        using var client = app.CreateClient();
        var tokens = await client.RegisterAndLoginAsync();

        await PostgresAsync("stop", _cluster);
        var duringOutage = await new UserBuilder().WithEmail("bob@example.com").RegisterAsync(client);
        var login = await client.LoginAsync();
        var me = await client.MeAsync(tokens.AccessToken); // the per-request session check cannot run: 503, never 401
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        using var liveRequestWithToken = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        liveRequestWithToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var liveWithToken = await client.SendAsync(liveRequestWithToken); // a client that sends its token everywhere

        await ProblemAssert.IsProblemAsync(duringOutage, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.That(duringOutage.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        await ProblemAssert.IsProblemAsync(login, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(liveWithToken.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token is read only where it is required");

        await PostgresAsync("start", _cluster, new Uri(_url.Replace("postgres://", "http://", StringComparison.Ordinal)).Port.ToString(
            System.Globalization.CultureInfo.InvariantCulture), "--fast");
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && recovered == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            // The pool may still hold connections to the old server; each failed use drops one.
            recovered = (await new UserBuilder().WithEmail("bob@example.com").RegisterAsync(client)).StatusCode;
        }

        Assert.That(recovered, Is.EqualTo(HttpStatusCode.Created));
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // past the outage's answer, which /health/ready keeps for a second
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<string> PostgresAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(RepositoryPaths.Script("postgres"), arguments);
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        return result.StandardOutput.Trim();
    }

}
