using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.ErrorHandling;

/// <summary>API.md: every error is problem+json, whatever the client says it accepts (the API speaks only JSON).</summary>
public sealed class AcceptHeaderTests : ApiTest
{
    private static readonly string[] NotJson = ["text/plain", "text/html", "application/xml"];

    [TestCaseSource(nameof(NotJson))]
    public async Task Me_WithoutTokenAcceptingNoJson_Gets401ProblemJson(string accept)
    {
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await Client.GetAsync("/api/v1/users/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [TestCaseSource(nameof(NotJson))]
    public async Task Login_WithWrongPasswordAcceptingNoJson_Gets401ProblemJson(string accept)
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await Client.LoginAsync(password: "wrong horse battery");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [TestCaseSource(nameof(NotJson))]
    public async Task AuthRequest_OverTheRateAcceptingNoJson_Gets429ProblemJsonWithRetryAfter(string accept)
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "1"));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        await client.LoginAsync("nobody@example.com");

        var limited = await client.LoginAsync("nobody@example.com");

        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task UnknownRoute_AcceptingNoJson_Gets404ProblemJson()
    {
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await Client.GetAsync("/api/v1/nothing-here");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
