using System.Net;
using System.Net.Http.Json;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Resilience;

/// <summary>
/// The per-client buckets on /api/v1/auth/*: an IPv6 client is its /64, and login, register, the mails and refresh
/// each have a bucket of their own. Each client comes through X-Forwarded-For from a trusted proxy (127.0.0.1).
/// </summary>
public sealed class RateLimitBucketTests : ApiTest
{
    [TestCase("2001:db8:1:2:ffff:ffff:ffff:ffff", HttpStatusCode.TooManyRequests, TestName = "{m}(same /64)")]
    [TestCase("2001:db8:1:3::1", HttpStatusCode.NoContent, TestName = "{m}(next /64)")]
    [TestCase("203.0.113.7", HttpStatusCode.NoContent, TestName = "{m}(IPv4)")]
    public async Task Request_AfterTwoFromTwoAddressesOfOneSlash64_IsLimitedOnlyInThatSlash64(string client, HttpStatusCode expected)
    {
        await using var app = Factory.WithWebHostBuilder(b => BehindTheProxy(b).UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "2"));
        using var httpClient = app.CreateClient();
        await LogoutFromAsync(httpClient, "2001:db8:1:2::1");
        await LogoutFromAsync(httpClient, "2001:db8:1:2::2");

        var third = await LogoutFromAsync(httpClient, client);

        Assert.That(third.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Login_AfterTheClientsRefreshesUsedUpTheirBucket_IsNotLimited()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "3"));
        using var client = app.CreateClient();
        for (var refresh = 0; refresh < 3; refresh++)
        {
            Assert.That((await client.RefreshAsync("not-a-refresh-token")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var limitedRefresh = await client.RefreshAsync("not-a-refresh-token");
        var login = await client.LoginAsync();

        await ProblemAssert.IsProblemAsync(limitedRefresh, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_BeyondItsOwnSetting_Gets429WhileOtherBucketsAnswer()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "100")
            .UseSetting("LOGIN_RATE_LIMIT_PER_MINUTE", "1"));
        using var client = app.CreateClient();
        await client.LoginAsync("nobody@example.com");

        var limited = await client.LoginAsync("nobody@example.com");
        var forgot = await client.ForgotPasswordAsync("nobody@example.com");

        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(forgot.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    private static Microsoft.AspNetCore.Hosting.IWebHostBuilder BehindTheProxy(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        RemoteAddressFilter.From(builder, IPAddress.Loopback);
        return builder;
    }

    private static async Task<HttpResponseMessage> LogoutFromAsync(HttpClient client, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout")
        {
            Content = JsonContent.Create(new { refreshToken = "unknown" }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request);
    }
}
