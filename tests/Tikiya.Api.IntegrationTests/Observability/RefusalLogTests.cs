using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Api.Resilience;

namespace Tikiya.Api.IntegrationTests.Observability;

/// <summary>Refusals are logged with the client address and the path, a bounded number of lines per window.</summary>
public sealed class RefusalLogTests : ApiTest
{
    private const string Refused429 = "Refused POST /api/v1/auth/logout from";

    [Test]
    public async Task Refusals_InAFloodOf1000_WriteABoundedNumberOfLinesThenOneSummary()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "1")
            .ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = app.CreateClient();
        await LogoutAsync(client); // the bucket's one token

        var flood = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => LogoutAsync(client)));
        var linesDuringTheFlood = capture.Lines.Count(line => line.Contains(Refused429, StringComparison.Ordinal));
        Factory.Clock.Advance(RefusalLog.Window); // the window ends

        var refused = flood.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.That(refused, Is.GreaterThanOrEqualTo(990), "the flood is refused");
        Assert.That(linesDuringTheFlood, Is.EqualTo(RefusalLog.LinesPerWindow), "bounded, and at least one");
        Assert.That(capture.Lines, Has.Some.Contains(Refused429).And.Contains("429 RateLimited (auth-per-client)"));
        Assert.That(capture.Lines, Has.One.Contains($"Suppressed {refused - RefusalLog.LinesPerWindow} RateLimited refusals"));
    }

    [Test]
    public async Task BadBearerTokens_AreLoggedWithTheirReasonAndWithoutTheToken()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = app.CreateClient();
        var ended = await client.SaveUserAndLoginAsync(app.Services);
        await client.LogoutAsync(ended.RefreshToken);
        var expired = await client.LoginOkAsync();
        var forged = expired.AccessToken[..^4] + (expired.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var endedAnswer = await client.LogoutAllAsync(ended.AccessToken);
        var forgedAnswer = await client.LogoutAllAsync(forged);
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        var expiredAnswer = await client.LogoutAllAsync(expired.AccessToken);

        Assert.That(new[] { endedAnswer, forgedAnswer, expiredAnswer }.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        var refusals = capture.Lines.Where(line => line.Contains("Refused POST /api/v1/auth/logout-all from", StringComparison.Ordinal)).ToList();
        Assert.That(refusals, Has.One.Contains("401 BadToken (session_ended)"));
        Assert.That(refusals, Has.One.Contains("401 BadToken (bad_signature)"));
        Assert.That(refusals, Has.One.Contains("401 BadToken (expired)"));
        foreach (var token in new[] { ended.AccessToken, forged, expired.AccessToken })
        {
            Assert.That(capture.Lines.Where(line => line.Contains(token.Split('.')[2], StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public async Task ThrottledLogins_AreRefusalLinesWithoutTheEmail_BoundedLikeTheRest()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = app.CreateClient();
        await new UserBuilder().SaveAsync(app.Services);
        for (var failure = 0; failure < 5; failure++)
        {
            await client.LoginAsync(password: "wrong horse battery");
        }

        var refused = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < RefusalLog.LinesPerWindow + 5; attempt++)
        {
            refused.Add(await client.LoginAsync());
        }

        Assert.That(refused.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        var lines = capture.Lines.Where(line => line.Contains("Refused POST /api/v1/auth/login from", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(RefusalLog.LinesPerWindow), "one line each, up to the window's budget");
        Assert.That(lines, Has.All.Contains("429 RateLimited (login_throttle)"));
        Assert.That(capture.Lines, Has.None.Contains(UserBuilder.DefaultEmail));
    }

    private static Task<HttpResponseMessage> LogoutAsync(HttpClient client) =>
        client.PostAsync("/api/v1/auth/logout", JsonContent.Create(new { refreshToken = "unknown" }));
}
