using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: resend-verification and forgot-password take at most 1 request a minute and 5 an hour per address,
/// known or not (so a 429 tells nothing either); the mail that register sends does not count.
/// </summary>
[TestFixture("/api/v1/auth/resend-verification")]
[TestFixture("/api/v1/auth/forgot-password")]
public sealed class MailRequestLimitsTests(string path) : ApiTest
{
    private static readonly TimeSpan JustOverAMinute = TimeSpan.FromSeconds(61);

    [TestCase(UserBuilder.DefaultEmail)]
    [TestCase("nobody@example.com")]
    public async Task MailRequest_SecondWithinAMinute_Returns429RateLimitedWithRetryAfter(string email)
    {
        await Client.RegisterForVerificationMailAsync();
        Assert.That((await RequestAsync(email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Factory.Clock.Advance(TimeSpan.FromSeconds(20));

        var second = await RequestAsync(email);

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(second.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(40)));
    }

    [Test]
    public async Task MailRequest_SecondWithinAMinute_IsRefusedAlikeForKnownAndUnknownEmail()
    {
        await Client.RegisterForVerificationMailAsync();
        await RequestAsync(UserBuilder.DefaultEmail);
        await RequestAsync("nobody@example.com");

        var known = await RequestAsync(UserBuilder.DefaultEmail);
        var unknown = await RequestAsync("nobody@example.com");

        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(unknown.Headers.RetryAfter, Is.EqualTo(known.Headers.RetryAfter));
    }

    [Test]
    public async Task MailRequest_SecondAfterAMinute_Returns202()
    {
        await RequestAsync(UserBuilder.DefaultEmail);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var second = await RequestAsync(UserBuilder.DefaultEmail);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await second.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task MailRequest_ForAnotherAddress_IsNotLimitedByTheFirst()
    {
        await RequestAsync(UserBuilder.DefaultEmail);

        var other = await RequestAsync("bob@example.com");

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [TestCase(UserBuilder.DefaultEmail)]
    [TestCase("nobody@example.com")]
    public async Task MailRequest_SixthWithinAnHour_Returns429RateLimitedUntilTheHourOfTheFirst(string email)
    {
        await Client.RegisterForVerificationMailAsync();
        for (var request = 0; request < 5; request++)
        {
            Assert.That((await RequestAsync(email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted), $"request {request + 1}");
            Factory.Clock.Advance(JustOverAMinute);
        }

        var sixth = await RequestAsync(email);

        await ProblemAssert.IsProblemAsync(sixth, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(sixth.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromHours(1) - 5 * JustOverAMinute));
    }

    [Test]
    public async Task MailRequest_AnHourAfterTheFirstOfFive_Returns202()
    {
        for (var request = 0; request < 5; request++)
        {
            await RequestAsync(UserBuilder.DefaultEmail);
            Factory.Clock.Advance(JustOverAMinute);
        }

        Factory.Clock.Advance(TimeSpan.FromHours(1) - 5 * JustOverAMinute);
        var next = await RequestAsync(UserBuilder.DefaultEmail);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await next.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task MailRequest_RightAfterRegister_Returns202()
    {
        await Client.RegisterForVerificationMailAsync(); // register's own mail does not count

        var response = await RequestAsync(UserBuilder.DefaultEmail);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task MailRequest_RefusedWithinAMinute_SendsNothingMore()
    {
        await Client.RegisterForVerificationMailAsync();
        await RequestAsync(UserBuilder.DefaultEmail);
        await AccountMailbox.HandlePendingRequestsAsync();
        var before = await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail);

        await RequestAsync(UserBuilder.DefaultEmail);
        await AccountMailbox.HandlePendingRequestsAsync();

        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail), Is.EqualTo(before));
    }

    private Task<HttpResponseMessage> RequestAsync(string email) => Client.PostWithBearerAsync(path, null, new { email });
}
