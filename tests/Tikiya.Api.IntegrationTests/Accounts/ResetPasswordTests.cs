using System.Net;
using MimeKit;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: reset-password (by link token or by email and code) sets the password, marks the email verified, ends
/// every session of the account, clears its login throttle and sends a notice; its code is single use.
/// </summary>
public sealed class ResetPasswordTests : ApiTest
{
    private const string NewPassword = "new horse battery staple";
    private const string WrongPassword = "wrong horse battery";

    [TestCase("token")]
    [TestCase("code")]
    public async Task ResetPassword_WithTheMail_Returns204AndTheNewPasswordReplacesTheOld(string form)
    {
        var mail = await SaveAndForgetAsync();

        var response = await ResetAsync(mail, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old password");
        Assert.That((await Client.LoginAsync(password: NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetPassword_WithEmailInAnotherCase_Returns204()
    {
        var mail = await SaveAndForgetAsync();

        var response = await Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), NewPassword, " ANN@EXAMPLE.COM ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ResetPassword_EndsEverySessionOfTheAccount()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var first = await Client.LoginOkAsync();
        var second = await Client.LoginOkAsync();
        var mail = await Client.ForgotPasswordForMailAsync();

        await ResetAsync(mail, "code");

        using (Assert.EnterMultipleScope())
        {
            foreach (var session in new[] { first, second })
            {
                Assert.That((await Client.MeAsync(session.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await Client.RefreshAsync(session.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }
        }
    }

    [Test]
    public async Task ResetPassword_LeavesOtherAccountsSessionsAlone()
    {
        var other = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");
        var mail = await SaveAndForgetAsync();

        await ResetAsync(mail, "code");

        Assert.That((await Client.MeAsync(other.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetPassword_ClearsTheLoginThrottleOfTheEmail()
    {
        var mail = await SaveAndForgetAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Client.LoginAsync(password: WrongPassword);
        }

        Assert.That((await Client.LoginAsync(password: WrongPassword)).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests),
            "locked before the reset");

        await ResetAsync(mail, "token");
        var login = await Client.LoginAsync(password: NewPassword);

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ResetPassword_MarksTheEmailVerified()
    {
        var mail = await SaveAndForgetAsync();

        await ResetAsync(mail, "code");

        var tokens = await Client.LoginOkAsync(password: NewPassword);
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.True);
    }

    [Test]
    public async Task ResetPassword_SendsAPasswordChangedNotice()
    {
        var mail = await SaveAndForgetAsync();

        await ResetAsync(mail, "code");

        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.PasswordChanged);
        Assert.That(SentMail.Text(notice), Does.Contain(UserBuilder.DefaultEmail));
        Assert.That(SentMail.Text(notice), Does.Not.Contain(NewPassword));
    }

    [TestCase("code", "code")]
    [TestCase("code", "token")]
    [TestCase("token", "token")]
    [TestCase("token", "code")]
    public async Task ResetPassword_SecondUseOfTheMail_Returns400AndKeepsThePasswordOfTheFirst(string firstForm,
        string secondForm)
    {
        var mail = await SaveAndForgetAsync();
        await ResetAsync(mail, firstForm);

        var second = await ResetAsync(mail, secondForm, "a third horse battery");

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That((await Client.LoginAsync(password: NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetPassword_SameCodeTwiceAtOnce_ExactlyOneReturns204()
    {
        var mail = await SaveAndForgetAsync();

        var responses = await Task.WhenAll(
            Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), NewPassword),
            Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), "a third horse battery"));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.NoContent), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.BadRequest), Is.EqualTo(1), string.Join(", ", statuses));
        var winner = responses[0].StatusCode == HttpStatusCode.NoContent ? NewPassword : "a third horse battery";
        Assert.That((await Client.LoginAsync(password: winner)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetPassword_WithWrongCode_Returns400AndKeepsThePassword()
    {
        var mail = await SaveAndForgetAsync();
        var session = await Client.LoginOkAsync();

        var response = await Client.ResetPasswordWithCodeAsync(SentMail.Code(mail) == "000000" ? "111111" : "000000",
            NewPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password");
        Assert.That((await Client.LoginAsync(password: NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.MeAsync(session.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "sessions stay");
    }

    [Test]
    public async Task ResetPassword_WithTheVerificationMailsCode_Returns400()
    {
        // Each purpose has its own code: the verification mail cannot reset the password.
        var verification = await Client.RegisterForVerificationMailAsync();
        await Client.ForgotPasswordForMailAsync();

        var response = await Client.ResetPasswordWithTokenAsync(SentMail.LinkToken(verification), NewPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [Test]
    public async Task ResetPassword_AfterAnHour_Returns400()
    {
        var mail = await SaveAndForgetAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var response = await ResetAsync(mail, "token");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [TestCase("token")]
    [TestCase("code")]
    public async Task ResetPassword_WithTooShortNewPassword_Returns400OnNewPasswordAndTheMailStillWorks(string form)
    {
        var mail = await SaveAndForgetAsync();

        var refused = await ResetAsync(mail, form, "1234567");

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "newPassword"), Is.Not.Empty);
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
        var retried = await ResetAsync(mail, form);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await retried.Content.ReadAsStringAsync());
    }

    private async Task<MimeMessage> SaveAndForgetAsync()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        return await Client.ForgotPasswordForMailAsync();
    }

    private Task<HttpResponseMessage> ResetAsync(MimeMessage mail, string form, string newPassword = NewPassword) =>
        form == "token"
            ? Client.ResetPasswordWithTokenAsync(SentMail.LinkToken(mail), newPassword)
            : Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), newPassword);
}
