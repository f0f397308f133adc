using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// users/me/email sends mail like resend-verification and forgot-password, so it has their limits (1 a minute, 5 an
/// hour), per account and per new address, counted once the password is right, 409s included.
/// </summary>
public sealed class ChangeEmailLimitsTests : ApiTest
{
    [Test]
    public async Task ChangeEmail_TwiceWithinAMinute_Returns429WithRetryAfter()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.ChangeEmailAsync(caller.AccessToken, "ann.new@example.com");

        var again = await Client.ChangeEmailAsync(caller.AccessToken, "ann.other@example.com");

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(again.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync("ann.other@example.com"), Is.Empty);
    }

    [Test]
    public async Task ChangeEmail_AfterAMinute_IsAcceptedAgain()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.ChangeEmailAsync(caller.AccessToken, "ann.new@example.com");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await Client.ChangeEmailAsync(caller.AccessToken, "ann.other@example.com");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await again.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ChangeEmail_ToAnAddressAnotherAccountAskedForWithinAMinute_Returns429()
    {
        var bob = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");
        await Client.ChangeEmailAsync(bob.AccessToken, "shared.target@example.com");
        var ann = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangeEmailAsync(ann.AccessToken, "shared.target@example.com");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Test]
    public async Task ChangeEmail_SixthTakenAddressWithinAnHour_Returns429NotTheConflict()
    {
        for (var i = 0; i < 6; i++)
        {
            await new UserBuilder().WithEmail($"taken{i}@example.com").SaveAsync(Factory.Services);
        }

        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        for (var i = 0; i < 5; i++)
        {
            var probe = await Client.ChangeEmailAsync(caller.AccessToken, $"taken{i}@example.com");
            await ProblemAssert.IsProblemAsync(probe, HttpStatusCode.Conflict, "email_taken");
            Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var sixth = await Client.ChangeEmailAsync(caller.AccessToken, "taken5@example.com");

        await ProblemAssert.IsProblemAsync(sixth, HttpStatusCode.TooManyRequests, "rate_limited");
    }
}
