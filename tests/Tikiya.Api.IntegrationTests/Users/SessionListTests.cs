using System.Net;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Users;

/// <summary>API.md v1.1, Sessions and devices: <c>GET /api/v1/users/me/sessions</c>.</summary>
public sealed class SessionListTests : ApiTest
{
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    [Test]
    public async Task Sessions_ListsTheActiveOnesNewestFirstAndMarksTheCallers()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phoneLogin = Factory.Clock.GetUtcNow();
        var phone = await Client.LoginOkFromDeviceAsync("Ann's phone");
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var laptopLogin = Factory.Clock.GetUtcNow();
        var laptop = await Client.LoginOkAsync();

        var sessions = await Client.SessionsOkAsync(laptop.AccessToken);

        Assert.That(sessions, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sessions[0].Id, Is.EqualTo(laptop.SessionId));
            Assert.That(sessions[0].Current, Is.True);
            Assert.That(sessions[0].CreatedAt, Is.EqualTo(laptopLogin));
            Assert.That(sessions[0].DeviceName, Is.Null, "a login that names no device");
            Assert.That(sessions[1].Id, Is.EqualTo(phone.SessionId));
            Assert.That(sessions[1].Current, Is.False);
            Assert.That(sessions[1].CreatedAt, Is.EqualTo(phoneLogin));
            Assert.That(sessions[1].LastUsedAt, Is.EqualTo(phoneLogin), "never refreshed: last used at its login");
            Assert.That(sessions[1].ExpiresAt, Is.EqualTo(phoneLogin + RefreshTokenLifetime));
            Assert.That(sessions[1].DeviceName, Is.EqualTo("Ann's phone"));
        }
    }

    [Test]
    public async Task Sessions_RecordTheLoginsUserAgent()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("TikiyaTests/1.0");
        var tokens = await Client.LoginOkAsync();

        var session = (await Client.SessionsOkAsync(tokens.AccessToken)).Single();

        Assert.That(session.UserAgent, Is.EqualTo("TikiyaTests/1.0"));
        Assert.That(session.IpAddress, Is.Null, "TestServer's requests have no address");
    }

    [Test]
    public async Task Sessions_AnswerNoStore()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.SessionsAsync(tokens.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "account data is never cached (API.md v1.1)");
    }

    [Test]
    public async Task Sessions_AfterARefresh_ShowItAsTheLastUseAndANewExpiry()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromHours(3));
        var refreshedAt = Factory.Clock.GetUtcNow();
        var refreshed = await Client.RefreshOkAsync(login.RefreshToken);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var session = (await Client.SessionsOkAsync(refreshed.AccessToken)).Single();

        Assert.That(session.LastUsedAt, Is.EqualTo(refreshedAt));
        Assert.That(session.ExpiresAt, Is.EqualTo(refreshedAt + RefreshTokenLifetime));
    }

    [Test]
    public async Task Sessions_LeaveOutEndedSessions()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var loggedOut = await Client.LoginOkAsync();
        var reused = await Client.LoginOkAsync();
        var laptop = await Client.LoginOkAsync();
        await Client.LogoutAsync(loggedOut.RefreshToken);
        await Client.RefreshOkAsync(reused.RefreshToken);
        await Client.RefreshAsync(reused.RefreshToken); // reuse: the session is revoked

        var sessions = await Client.SessionsOkAsync(laptop.AccessToken);

        Assert.That(sessions.Select(s => s.Id), Is.EqualTo(new[] { laptop.SessionId }));
    }

    [Test]
    public async Task Sessions_LeaveOutExpiredSessions()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await Client.LoginOkAsync(); // never refreshed: over once its refresh token expires
        Factory.Clock.Advance(RefreshTokenLifetime);
        var laptop = await Client.LoginOkAsync();

        var sessions = await Client.SessionsOkAsync(laptop.AccessToken);

        Assert.That(sessions.Select(s => s.Id), Is.EqualTo(new[] { laptop.SessionId }));
    }

    [Test]
    public async Task Sessions_LeaveOutOtherUsersSessions()
    {
        var ann = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");

        var sessions = await Client.SessionsOkAsync(ann.AccessToken);

        Assert.That(sessions.Select(s => s.Id), Is.EqualTo(new[] { ann.SessionId }));
    }

    [Test]
    public async Task Sessions_AfterTheCallersSessionEnded_Returns401()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        await Client.LoginOkAsync(); // another session lives on: the list would not be empty
        await Client.LogoutAsync(phone.RefreshToken);

        var response = await Client.SessionsAsync(phone.AccessToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }

    [Test]
    public async Task Sessions_WithoutAccessToken_Returns401()
    {
        var response = await Client.SessionsAsync(null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }
}
