using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// Register, reset-password and users/me/password refuse a password on the shipped list of common passwords (NIST SP
/// 800-63B) with 400 <c>password_too_common</c> on the request's own field, and change nothing; login does not check.
/// </summary>
public sealed class CommonPasswordTests : ApiTest
{
    private const string CommonPassword = "password123";
    private const string NewPassword = "new horse battery staple";

    [TestCase(CommonPassword)]
    [TestCase("Password123")] // the list ignores case
    [TestCase("qwerty123")]
    public async Task Register_WithCommonPassword_Returns400PasswordTooCommonAndCreatesNoAccount(string password)
    {
        var response = await new UserBuilder().WithPassword(password).RegisterAsync(Client);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password_too_common");
        Assert.That(ProblemAssert.Errors(problem, "password"), Is.Not.Empty);
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.Zero);
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail), Is.Empty);
    }

    [Test]
    public async Task Register_WithCommonPasswordAndBadEmail_Returns400ValidationFailedNamingBoth()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "not an address", password = CommonPassword });

        // Two fields to fix: the plain code, whose errors name both.
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "email"), Is.Not.Empty);
        Assert.That(ProblemAssert.Errors(problem, "password"), Is.Not.Empty);
    }

    [TestCase("token")]
    [TestCase("code")]
    public async Task ResetPassword_WithCommonPassword_Returns400PasswordTooCommonAndTheMailStillWorks(string form)
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var mail = await Client.ForgotPasswordForMailAsync();

        var refused = form == "token"
            ? await Client.ResetPasswordWithTokenAsync(SentMail.LinkToken(mail), CommonPassword)
            : await Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), CommonPassword);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "password_too_common");
        Assert.That(ProblemAssert.Errors(problem, "newPassword"), Is.Not.Empty);
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail), Does.Not.Contain("password-changed"));
        var retried = await Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), NewPassword);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await retried.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ChangePassword_WithCommonNewPassword_Returns400PasswordTooCommonAndKeepsThePasswordAndSessions()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var other = await Client.LoginOkAsync();

        var response = await Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, CommonPassword);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password_too_common");
        Assert.That(ProblemAssert.Errors(problem, "newPassword"), Is.Not.Empty);
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
        Assert.That((await Client.MeAsync(other.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "no session ended");
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail), Is.Empty);
    }

    [Test]
    public async Task Login_WithCommonPasswordOfAnExistingAccount_Returns200()
    {
        await new UserBuilder().WithPassword(CommonPassword).SaveAsync(Factory.Services);

        var response = await Client.LoginAsync(password: CommonPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an account from before the list can still sign in and change it");
    }
}
