using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: users/me/password checks the current password (a wrong one counts in the login throttle of the
/// email), sets the new one, ends every other session of the account (the caller's stays) and sends a notice.
/// </summary>
public sealed class ChangePasswordTests : ApiTest
{
    private const string NewPassword = "new horse battery staple";
    private const string WrongPassword = "wrong horse battery";

    [Test]
    public async Task ChangePassword_WithTheCurrentPassword_Returns204AndTheNewPasswordReplacesTheOld()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old password");
        Assert.That((await Client.LoginAsync(password: NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChangePassword_KeepsTheCallersSession()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        Assert.That((await Client.MeAsync(caller.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(caller.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChangePassword_EndsEveryOtherSessionOfTheAccount()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var others = new[] { await Client.LoginOkAsync(), await Client.LoginOkAsync() };

        await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        using (Assert.EnterMultipleScope())
        {
            foreach (var other in others)
            {
                Assert.That((await Client.MeAsync(other.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await Client.RefreshAsync(other.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }
        }
    }

    [Test]
    public async Task ChangePassword_LeavesOtherAccountsSessionsAlone()
    {
        var bob = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        Assert.That((await Client.MeAsync(bob.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChangePassword_SendsAPasswordChangedNotice()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.PasswordChanged);
        Assert.That(SentMail.Text(notice), Does.Not.Contain(NewPassword));
    }

    [Test]
    public async Task ChangePassword_WithWrongCurrentPassword_Returns400AndKeepsEverything()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var other = await Client.LoginOkAsync();

        var response = await Client.ChangePasswordAsync(caller.AccessToken, WrongPassword, NewPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_current_password");
        Assert.That((await Client.MeAsync(other.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "other sessions stay");
        Assert.That((await Client.LoginAsync(password: NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ChangePassword_AfterFiveWrongCurrentPasswords_Returns429LoginThrottled()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await FailAsync(caller.AccessToken, 5);

        var sixth = await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        await ProblemAssert.IsProblemAsync(sixth, HttpStatusCode.TooManyRequests, "login_throttled");
        Assert.That(sixth.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Factory.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
    }

    [Test]
    public async Task ChangePassword_AfterFiveWrongCurrentPasswords_ThrottlesLoginForTheEmail()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await FailAsync(caller.AccessToken, 5);

        var login = await Client.LoginAsync();

        await ProblemAssert.IsProblemAsync(login, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task ChangePassword_AfterFourWrongCurrentPasswordsAndOneWrongLogin_IsThrottled()
    {
        // One count for both: the wrong current passwords and the wrong logins of that email add up.
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await FailAsync(caller.AccessToken, 4);
        await Client.LoginAsync(password: WrongPassword);

        var response = await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task ChangePassword_WithoutToken_Returns401()
    {
        await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangePasswordAsync(null, UserBuilder.DefaultPassword, NewPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
    }

    [Test]
    public async Task ChangePassword_WithTokenOfEndedSession_Returns401()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.LogoutAsync(caller.RefreshToken);

        var response = await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, NewPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
    }

    [Test]
    public async Task ChangePassword_WithTooShortNewPassword_Returns400OnNewPasswordAndKeepsThePassword()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, "1234567");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "newPassword"), Is.Not.Empty);
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task FailAsync(string accessToken, int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            await ProblemAssert.IsProblemAsync(await Client.ChangePasswordAsync(accessToken, WrongPassword, NewPassword),
                HttpStatusCode.BadRequest, "invalid_current_password");
        }
    }
}
