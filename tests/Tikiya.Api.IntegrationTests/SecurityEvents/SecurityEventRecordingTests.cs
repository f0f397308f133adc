using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Api.IntegrationTests.SecurityEvents;

/// <summary>
/// API.md v1.1: each action records its security event, with the caller's address and user agent, in the transaction
/// of what it records.
/// </summary>
public sealed class SecurityEventRecordingTests : ApiTest
{
    private const string UserAgent = "TikiyaTests/1.0";
    private const string NewPassword = "a new horse battery";
    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartAppWithAClientAddress() => _app = Factory.WithWebHostBuilder(b => RemoteAddressFilter.From(b, Address));

    [OneTimeTearDown]
    public async Task StopAppAsync() => await _app.DisposeAsync();

    [SetUp]
    public void CreateClient()
    {
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    [TearDown]
    public void DisposeOwnClient() => _client.Dispose();

    [Test]
    public async Task Register_RecordsRegistered()
    {
        var response = await new UserBuilder().RegisterAsync(_client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await AssertRecordedAsync(SecurityEventType.Registered);
    }

    [Test]
    public async Task Login_RecordsLoginSucceeded()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        await _client.LoginOkAsync();

        await AssertRecordedAsync(SecurityEventType.LoginSucceeded);
    }

    [Test]
    public async Task Login_WithWrongPassword_RecordsLoginFailed()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await _client.LoginAsync(password: "wrong horse battery");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await AssertRecordedAsync(SecurityEventType.LoginFailed);
    }

    [Test]
    public async Task Login_WithUnknownEmail_RecordsNothing()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        await _client.LoginAsync("nobody@example.com");

        Assert.That(await TypesAsync(), Is.Empty);
    }

    [Test]
    public async Task Login_FailureThatLocksTheAccount_RecordsLoginThrottledOnceForTheLockout()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await _client.LoginAsync(password: "wrong horse battery");
        }

        var refused = await _client.LoginAsync(); // the right password, during the lockout
        await _client.LoginAsync(password: "wrong horse battery");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await TypesAsync(), Is.EquivalentTo(Enumerable.Repeat(SecurityEventType.LoginFailed, 5)
            .Append(SecurityEventType.LoginThrottled)), "refused logins add nothing: the throttle never looks the account up");
    }

    [Test]
    public async Task ChangePassword_RecordsPasswordChanged()
    {
        var caller = await SaveUserAndLoginAsync();

        var response = await _client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertRecordedAsync(SecurityEventType.PasswordChanged);
    }

    [Test]
    public async Task ChangePassword_WithWrongCurrentPassword_RecordsLoginFailed()
    {
        var caller = await SaveUserAndLoginAsync();

        var response = await _client.ChangePasswordAsync(caller.AccessToken, "wrong horse battery", NewPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await AssertRecordedAsync(SecurityEventType.LoginFailed); // a guess at the password, counted as at login
    }

    [Test]
    public async Task ResetPassword_RecordsPasswordReset()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var code = SentMail.Code(await _client.ForgotPasswordForMailAsync());

        var response = await _client.ResetPasswordWithCodeAsync(code, NewPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertRecordedAsync(SecurityEventType.PasswordReset);
    }

    [Test]
    public async Task VerifyEmail_RecordsEmailVerified()
    {
        var code = SentMail.Code(await _client.RegisterForVerificationMailAsync());
        await ForgetEventsAsync();

        var response = await _client.VerifyEmailWithCodeAsync(code);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertRecordedAsync(SecurityEventType.EmailVerified);
    }

    [Test]
    public async Task ConfirmEmailChange_RecordsEmailChanged()
    {
        var caller = await SaveUserAndLoginAsync();
        var code = await RequestEmailChangeAsync(caller.AccessToken);

        var response = await _client.ConfirmEmailChangeAsync(caller.AccessToken, code);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertRecordedAsync(SecurityEventType.EmailChanged);
    }

    [Test]
    public async Task ConfirmEmailChange_WhenItsSaveFails_RecordsNothing()
    {
        var caller = await SaveUserAndLoginAsync();
        var code = await RequestEmailChangeAsync(caller.AccessToken);
        await new UserBuilder().WithEmail("ann.new@example.com").SaveAsync(Factory.Services); // takes the address meanwhile

        var response = await _client.ConfirmEmailChangeAsync(caller.AccessToken, code);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await TypesAsync(), Is.Empty, "the event was in the save the unique index refused");
    }

    [Test]
    public async Task EndSession_RecordsSessionRevoked()
    {
        var (caller, other) = await SaveUserAndLoginTwiceAsync();

        var response = await _client.EndSessionAsync(caller.AccessToken, other.SessionId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertRecordedAsync(SecurityEventType.SessionRevoked);
    }

    [Test]
    public async Task EndSession_OfAnUnknownSession_RecordsNothing()
    {
        var caller = await SaveUserAndLoginAsync();

        var response = await _client.EndSessionAsync(caller.AccessToken, Guid.NewGuid());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await TypesAsync(), Is.Empty);
    }

    [Test]
    public async Task Logout_RecordsSessionRevokedOnce()
    {
        var caller = await SaveUserAndLoginAsync();

        await _client.LogoutAsync(caller.RefreshToken);
        await _client.LogoutAsync(caller.RefreshToken); // already revoked: 204, nothing more

        await AssertRecordedAsync(SecurityEventType.SessionRevoked);
    }

    [Test]
    public async Task LogoutOthers_RecordsOneSessionRevokedForAllAndNothingWhenNoneIsLeft()
    {
        var (caller, _) = await SaveUserAndLoginTwiceAsync();

        await _client.LogoutOthersAsync(caller.AccessToken);
        await _client.LogoutOthersAsync(caller.AccessToken);

        await AssertRecordedAsync(SecurityEventType.SessionRevoked);
    }

    [Test]
    public async Task LogoutAll_RecordsLoggedOutEverywhere()
    {
        var caller = await SaveUserAndLoginAsync();

        var response = await _client.LogoutAllAsync(caller.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertRecordedAsync(SecurityEventType.LoggedOutEverywhere);
    }

    [Test]
    public async Task Refresh_WithARotatedToken_RecordsRefreshTokenReusedOnce()
    {
        var caller = await SaveUserAndLoginAsync();
        await _client.RefreshOkAsync(caller.RefreshToken);

        await _client.RefreshAsync(caller.RefreshToken);
        await _client.RefreshAsync(caller.RefreshToken); // the session is revoked already: nothing more

        await AssertRecordedAsync(SecurityEventType.RefreshTokenReused);
    }

    /// <summary>An account and its login, whose own event (login_succeeded) the test then leaves aside.</summary>
    private async Task<Tokens> SaveUserAndLoginAsync()
    {
        var tokens = await _client.SaveUserAndLoginAsync(Factory.Services);
        await ForgetEventsAsync();
        return tokens;
    }

    /// <summary>An account with two sessions, whose logins' events the test then leaves aside.</summary>
    private async Task<(Tokens First, Tokens Second)> SaveUserAndLoginTwiceAsync()
    {
        var first = await _client.SaveUserAndLoginAsync(Factory.Services);
        var second = await _client.LoginOkAsync();
        await ForgetEventsAsync();
        return (first, second);
    }

    private static Task<int> ForgetEventsAsync() => QueryAsync(db => db.SecurityEvents.ExecuteDeleteAsync());

    private async Task<string> RequestEmailChangeAsync(string accessToken)
    {
        var response = await _client.ChangeEmailAsync(accessToken, "ann.new@example.com");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return SentMail.Code(await AccountMailbox.WaitForAsync("ann.new@example.com", AccountMailbox.EmailChange));
    }

    private static Task<List<SecurityEventType>> TypesAsync() =>
        QueryAsync(db => db.SecurityEvents.OrderBy(e => e.OccurredAt).Select(e => e.Type).ToListAsync());

    /// <summary>The one event recorded since the arrangement is of <paramref name="type"/>, with the caller on it.</summary>
    private static async Task AssertRecordedAsync(SecurityEventType type)
    {
        var recorded = await QueryAsync(db => db.SecurityEvents.AsNoTracking().ToListAsync());
        Assert.That(recorded.Select(e => e.Type), Is.EqualTo(new[] { type }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded[0].IpAddress, Is.EqualTo(Address));
            Assert.That(recorded[0].UserAgent, Is.EqualTo(UserAgent));
            Assert.That(recorded[0].OccurredAt, Is.EqualTo(Factory.Clock.GetUtcNow()));
        }
    }
}
