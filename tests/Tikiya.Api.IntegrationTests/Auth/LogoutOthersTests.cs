using System.Net;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>API.md v1.1: <c>POST /api/v1/auth/logout-others</c> ends all the user's sessions but the caller's.</summary>
public sealed class LogoutOthersTests : ApiTest
{
    [Test]
    public async Task LogoutOthers_EndsEverySessionButTheCallersAtOnce()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        var tablet = await Client.LoginOkAsync();
        var laptop = await Client.LoginOkAsync();

        var response = await Client.LogoutOthersAsync(laptop.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (Assert.EnterMultipleScope())
        {
            foreach (var other in new[] { phone, tablet })
            {
                Assert.That((await Client.MeAsync(other.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await Client.RefreshAsync(other.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }

            Assert.That((await Client.MeAsync(laptop.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Client.RefreshAsync(laptop.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task LogoutOthers_WithNoOtherSession_Returns204()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.LogoutOthersAsync(tokens.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LogoutOthers_LeavesOtherUsersAlone()
    {
        var ann = await Client.SaveUserAndLoginAsync(Factory.Services);
        var bob = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");

        await Client.LogoutOthersAsync(ann.AccessToken);

        Assert.That((await Client.MeAsync(bob.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(bob.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LogoutOthers_FromAnEndedSession_Returns401AndEndsNothing()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        var laptop = await Client.LoginOkAsync();
        await Client.LogoutAsync(phone.RefreshToken);

        var response = await Client.LogoutOthersAsync(phone.AccessToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That((await Client.MeAsync(laptop.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LogoutOthers_WithoutAccessToken_Returns401WithBearerChallenge()
    {
        var response = await Client.LogoutOthersAsync(null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }
}
