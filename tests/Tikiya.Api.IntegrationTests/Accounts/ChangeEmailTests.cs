using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: users/me/email needs the password and sends a code (only) to the new address and a notice to the old
/// one; users/me/email/confirm switches the email, marks it verified, and answers 409 if another account took the
/// address meanwhile.
/// </summary>
public sealed class ChangeEmailTests : ApiTest
{
    private const string NewEmail = "ann.new@example.com";
    private const string WrongPassword = "wrong horse battery";

    [Test]
    public async Task ChangeEmail_WithWrongPassword_Returns400InvalidCurrentPasswordAndSendsNoCode()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangeEmailAsync(caller.AccessToken, NewEmail, WrongPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_current_password");
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(NewEmail), Is.Empty);
    }

    [Test]
    public async Task ChangeEmail_WithWrongPassword_CountsInTheLoginThrottle()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Client.ChangeEmailAsync(caller.AccessToken, NewEmail, WrongPassword);
        }

        var login = await Client.LoginAsync();

        await ProblemAssert.IsProblemAsync(login, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [TestCase("bob@example.com")]
    [TestCase(" BOB@Example.com ")]
    public async Task ChangeEmail_ToAnotherAccountsEmail_Returns409EmailTaken(string taken)
    {
        await new UserBuilder().WithEmail("bob@example.com").RegisterAsync(Client);
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangeEmailAsync(caller.AccessToken, taken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "email_taken");
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync("bob@example.com"), Is.EqualTo(new[] { "verify-email" }),
            "bob's own verification mail only");
    }

    [Test]
    public async Task ChangeEmail_ToAnotherAccountsEmailWithWrongPassword_Returns400NotTheConflict()
    {
        // Without the password, the answer must not tell the token's holder that the address has an account.
        await new UserBuilder().WithEmail("bob@example.com").SaveAsync(Factory.Services);
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangeEmailAsync(caller.AccessToken, "bob@example.com", WrongPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_current_password");
    }

    [TestCase(UserBuilder.DefaultEmail)]
    [TestCase(" ANN@Example.COM ")]
    public async Task ChangeEmail_ToTheCurrentEmail_Returns400ValidationFailedOnNewEmail(string same)
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangeEmailAsync(caller.AccessToken, same);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "newEmail"), Is.Not.Empty);
    }

    [Test]
    public async Task ChangeEmail_WithThePassword_Returns202WithAnEmptyBody()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ChangeEmailAsync(caller.AccessToken, NewEmail);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task ChangeEmail_WithThePassword_MailsACodeWithoutALinkToTheNewAddress()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ChangeEmailAsync(caller.AccessToken, NewEmail);

        var mail = await AccountMailbox.WaitForAsync(NewEmail, AccountMailbox.EmailChange);
        Assert.That(SentMail.Code(mail), Does.Match("^[0-9]{6}$"));
        Assert.That(SentMail.Links(mail), Is.Empty, "the email-change mail carries the code only");
    }

    [Test]
    public async Task ChangeEmail_WithThePassword_SendsANoticeToTheOldAddress()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ChangeEmailAsync(caller.AccessToken, NewEmail);

        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.EmailChangeRequested);
        Assert.That(SentMail.Text(notice), Does.Not.Match("(?m)^[ \t]*[0-9]{6}[ \t]*\r?$"), "the notice carries no code");
    }

    [Test]
    public async Task ChangeEmail_BeforeTheConfirm_KeepsTheEmail()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ChangeEmailAsync(caller.AccessToken, NewEmail);

        Assert.That(await EmailOfAsync(caller.AccessToken), Is.EqualTo(UserBuilder.DefaultEmail));
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ConfirmEmailChange_WithTheCode_Returns200UserWithTheNewEmailVerified()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var code = await RequestChangeAsync(caller.AccessToken);

        var response = await Client.ConfirmEmailChangeAsync(caller.AccessToken, code);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "account data is never cached (API.md v1.1)");
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo(NewEmail));
            Assert.That(user.GetProperty("emailVerified").GetBoolean(), Is.True);
            Assert.That(user.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "email", "emailVerified", "createdAt", "mfaEnabled" }));
        }

        Assert.That(await EmailOfAsync(caller.AccessToken), Is.EqualTo(NewEmail));
    }

    [Test]
    public async Task ConfirmEmailChange_WithTheCode_MovesTheLoginToTheNewEmail()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.ConfirmEmailChangeAsync(caller.AccessToken, await RequestChangeAsync(caller.AccessToken));

        var withNew = await Client.LoginAsync(NewEmail);
        var withOld = await Client.LoginAsync();

        Assert.That(withNew.StatusCode, Is.EqualTo(HttpStatusCode.OK), await withNew.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(withOld, HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task ConfirmEmailChange_WithTheCode_FreesTheOldEmailForRegistration()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.ConfirmEmailChangeAsync(caller.AccessToken, await RequestChangeAsync(caller.AccessToken));

        var registered = await new UserBuilder().RegisterAsync(Client);

        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ConfirmEmailChange_WithTheCode_SendsAnEmailChangedNoticeToTheOldAddress()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.ConfirmEmailChangeAsync(caller.AccessToken, await RequestChangeAsync(caller.AccessToken));

        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.EmailChanged);
        Assert.That(SentMail.Text(notice), Does.Contain(NewEmail));
    }

    [Test]
    public async Task ConfirmEmailChange_WithWrongCode_Returns400AndKeepsTheEmail()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var code = await RequestChangeAsync(caller.AccessToken);

        var response = await Client.ConfirmEmailChangeAsync(caller.AccessToken, code == "000000" ? "111111" : "000000");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That(await EmailOfAsync(caller.AccessToken), Is.EqualTo(UserBuilder.DefaultEmail));
    }

    [Test]
    public async Task ConfirmEmailChange_UsedOnceAlready_Returns400()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var code = await RequestChangeAsync(caller.AccessToken);
        await Client.ConfirmEmailChangeAsync(caller.AccessToken, code);

        var again = await Client.ConfirmEmailChangeAsync(caller.AccessToken, code);

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [Test]
    public async Task ConfirmEmailChange_AfterAnHour_Returns400AndKeepsTheEmail()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var code = await RequestChangeAsync(caller.AccessToken);
        Factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var fresh = await Client.LoginOkAsync(); // the first access token expired meanwhile

        var response = await Client.ConfirmEmailChangeAsync(fresh.AccessToken, code);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That(await EmailOfAsync(fresh.AccessToken), Is.EqualTo(UserBuilder.DefaultEmail));
    }

    [Test]
    public async Task ConfirmEmailChange_WithoutARequest_Returns400()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ConfirmEmailChangeAsync(caller.AccessToken, "123456");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [Test]
    public async Task ConfirmEmailChange_WithAnotherAccountsCode_Returns400()
    {
        var bob = await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");
        var bobsCode = await RequestChangeAsync(bob.AccessToken, "bob.new@example.com");
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await RequestChangeAsync(caller.AccessToken);

        var response = await Client.ConfirmEmailChangeAsync(caller.AccessToken, bobsCode);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That(await EmailOfAsync(caller.AccessToken), Is.EqualTo(UserBuilder.DefaultEmail));
    }

    [Test]
    public async Task ConfirmEmailChange_AfterAnotherAccountRegisteredTheNewEmail_Returns409AndKeepsTheEmail()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var code = await RequestChangeAsync(caller.AccessToken);
        var registered = await new UserBuilder().WithEmail(NewEmail).RegisterAsync(Client);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the address was free until now");

        var response = await Client.ConfirmEmailChangeAsync(caller.AccessToken, code);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "email_taken");
        Assert.That(await EmailOfAsync(caller.AccessToken), Is.EqualTo(UserBuilder.DefaultEmail));
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(AccountMailbox.Received(UserBuilder.DefaultEmail, AccountMailbox.EmailChanged), Is.Empty);
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail), Does.Not.Contain("email-changed"));
    }

    [Test]
    public async Task ConfirmEmailChange_WithoutToken_Returns401()
    {
        var response = await Client.ConfirmEmailChangeAsync(null, "123456");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Test]
    public async Task ChangeEmail_WithoutToken_Returns401()
    {
        var response = await Client.ChangeEmailAsync(null, NewEmail);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    /// <summary>users/me/email with the password, and the code mailed to the new address.</summary>
    private async Task<string> RequestChangeAsync(string accessToken, string newEmail = NewEmail)
    {
        var response = await Client.ChangeEmailAsync(accessToken, newEmail);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return SentMail.Code(await AccountMailbox.WaitForAsync(newEmail, AccountMailbox.EmailChange));
    }

    private async Task<string?> EmailOfAsync(string accessToken)
    {
        var me = await Client.MeAsync(accessToken);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), await me.Content.ReadAsStringAsync());
        return (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString();
    }
}
