using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Users;

/// <summary>API.md v1.1, Sessions and devices: <c>DELETE /api/v1/users/me/sessions/{id}</c>.</summary>
public sealed class EndSessionTests : ApiTest
{
    [Test]
    public async Task EndSession_OfAnotherOfTheCallersSessions_Returns204AndEndsItAtOnce()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        var laptop = await Client.LoginOkAsync();

        var response = await Client.EndSessionAsync(laptop.AccessToken, phone.SessionId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Client.MeAsync(phone.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Client.RefreshAsync(phone.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Client.SessionsOkAsync(laptop.AccessToken)).Select(s => s.Id), Is.EqualTo(new[] { laptop.SessionId }));
        }
    }

    [Test]
    public async Task EndSession_OfTheCallersOwnSession_EndsIt()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.EndSessionAsync(tokens.AccessToken, tokens.SessionId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.RefreshAsync(tokens.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task EndSession_OfAnotherUsersSession_Returns404AsForAnUnknownIdAndLeavesItAlone()
    {
        var ann = await Client.SaveUserAndLoginAsync(Factory.Services);
        var bob = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");

        var others = await Client.EndSessionAsync(ann.AccessToken, bob.SessionId);
        var unknown = await Client.EndSessionAsync(ann.AccessToken, Guid.CreateVersion7());

        var othersProblem = await ProblemAssert.IsProblemAsync(others, HttpStatusCode.NotFound, "not_found");
        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        using (Assert.EnterMultipleScope())
        {
            foreach (var member in new[] { "type", "title", "detail" })
            {
                Assert.That(othersProblem.GetProperty(member).GetString(), Is.EqualTo(unknownProblem.GetProperty(member).GetString()),
                    member);
            }

            Assert.That((await Client.MeAsync(bob.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Client.RefreshAsync(bob.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task EndSession_AlreadyEnded_Returns404()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        var laptop = await Client.LoginOkAsync();
        await Client.LogoutAsync(phone.RefreshToken);

        var response = await Client.EndSessionAsync(laptop.AccessToken, phone.SessionId);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task EndSession_Expired_Returns404AndChangesNothing()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var old = await Client.LoginOkAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(30));
        var laptop = await Client.LoginOkAsync();

        var response = await Client.EndSessionAsync(laptop.AccessToken, old.SessionId);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.That(await QueryAsync(db => db.Sessions.Where(s => s.Id == old.SessionId).Select(s => s.RevokedAt).SingleAsync()),
            Is.Null);
    }

    [Test]
    public async Task EndSession_WithAnIdThatIsNoUuid_Returns404()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.SendAsync(AuthClient.WithBearer(
            new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/me/sessions/not-a-session"), tokens.AccessToken));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task EndSession_WithoutAccessToken_Returns401()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.EndSessionAsync(null, tokens.SessionId);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task EndSession_FromAnEndedSession_Returns401AndEndsNothing()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        var laptop = await Client.LoginOkAsync();
        await Client.LogoutAsync(phone.RefreshToken);

        var response = await Client.EndSessionAsync(phone.AccessToken, laptop.SessionId);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That((await Client.MeAsync(laptop.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
