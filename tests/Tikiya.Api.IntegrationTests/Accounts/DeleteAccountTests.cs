using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: users/me/delete needs the password, then deletes the account and everything attached to it at once:
/// every token of it gets 401, the email can register again, and a notice goes to the address.
/// </summary>
public sealed class DeleteAccountTests : ApiTest
{
    private const string WrongPassword = "wrong horse battery";

    [Test]
    public async Task DeleteAccount_WithWrongPassword_Returns400AndTheAccountKeepsWorking()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.DeleteAccountAsync(caller.AccessToken, WrongPassword);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_current_password");
        Assert.That((await Client.MeAsync(caller.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.RefreshAsync(caller.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task DeleteAccount_WithThePassword_Returns204()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.DeleteAccountAsync(caller.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task DeleteAccount_WithThePassword_EndsEveryTokenOfTheAccountAtOnce()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        var other = await Client.LoginOkAsync();

        await Client.DeleteAccountAsync(caller.AccessToken);

        using (Assert.EnterMultipleScope())
        {
            foreach (var session in new[] { caller, other })
            {
                await ProblemAssert.IsProblemAsync(await Client.MeAsync(session.AccessToken), HttpStatusCode.Unauthorized,
                    "not_authenticated");
                await ProblemAssert.IsProblemAsync(await Client.RefreshAsync(session.RefreshToken), HttpStatusCode.Unauthorized,
                    "invalid_refresh_token");
            }
        }
    }

    [Test]
    public async Task DeleteAccount_WithThePassword_EndsTheLogin()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.DeleteAccountAsync(caller.AccessToken);

        await ProblemAssert.IsProblemAsync(await Client.LoginAsync(), HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task DeleteAccount_WithThePassword_LetsTheEmailRegisterAgain()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.DeleteAccountAsync(caller.AccessToken);

        var registered = await new UserBuilder().WithPassword("another horse battery").RegisterAsync(Client);

        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        var user = await registered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(user.GetProperty("emailVerified").GetBoolean(), Is.False);
        Assert.That((await Client.LoginAsync(password: "another horse battery")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeleteAccount_WithThePassword_SendsADeletionNotice()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.DeleteAccountAsync(caller.AccessToken);

        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.AccountDeleted);
        Assert.That(SentMail.Text(notice), Does.Contain(UserBuilder.DefaultEmail));
    }

    [Test]
    public async Task DeleteAccount_WithThePassword_LeavesNoRowOfTheAccountButTheNotice()
    {
        await Client.RegisterForVerificationMailAsync(); // a verification code and its mail
        var caller = await Client.LoginOkAsync();
        Assert.That((await Client.RefreshAsync(caller.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Client.ForgotPasswordForMailAsync(); // a reset code and its mail
        await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");
        var annId = await UserIdAsync(UserBuilder.DefaultEmail);
        var bobId = await UserIdAsync("bob@example.com");
        await V1Sessions.InsertAsync(ConnectionString, annId, Factory.Clock.GetUtcNow()); // its token a refresh_tokens row
        var annsSessions = await SessionIdsAsync(annId);
        var annsBefore = await CountRowsAsync(annId, annsSessions);
        var bobsBefore = await CountRowsAsync(bobId, await SessionIdsAsync(bobId));
        Assert.That(annsBefore, Is.EqualTo((Sessions: 2, RefreshTokens: 1, Codes: 2, Mails: 2)), "what there is to delete");

        await Client.DeleteAccountAsync(caller.AccessToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await QueryAsync(db => db.Users.CountAsync(u => u.Id == annId)), Is.Zero, "users");
            Assert.That(await CountRowsAsync(annId, annsSessions), Is.EqualTo((Sessions: 0, RefreshTokens: 0, Codes: 0, Mails: 0)),
                "sessions, refresh_tokens, email_codes, mail_outbox");
            Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail),
                Is.EqualTo(new[] { "account-deleted" }), "mail_outbox to the address: the notice only");
            Assert.That(await CountRowsAsync(bobId, await SessionIdsAsync(bobId)), Is.EqualTo(bobsBefore), "another account's rows stay");
        }
    }

    [Test]
    public async Task DeleteAccount_WithoutToken_Returns401AndDeletesNothing()
    {
        await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.DeleteAccountAsync(null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task DeleteAccount_SecondTimeWithTheSameToken_Returns401()
    {
        var caller = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.DeleteAccountAsync(caller.AccessToken);

        var again = await Client.DeleteAccountAsync(caller.AccessToken);

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    private static Task<Guid> UserIdAsync(string normalizedEmail) =>
        QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.Id).SingleAsync());

    private static Task<List<Guid>> SessionIdsAsync(Guid userId) =>
        QueryAsync(db => db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync());

    /// <summary>
    /// The rows attached to an account: its sessions, the refresh tokens of <paramref name="sessionIds"/> (read before
    /// the deletion, as a deleted session no longer says whose it was), its codes and its mails.
    /// </summary>
    private static async Task<(int Sessions, int RefreshTokens, int Codes, int Mails)> CountRowsAsync(Guid userId,
        List<Guid> sessionIds) => (
        await QueryAsync(db => db.Sessions.CountAsync(s => s.UserId == userId)),
        await QueryAsync(db => db.RefreshTokens.CountAsync(t => sessionIds.Contains(t.SessionId))),
        await QueryAsync(db => db.EmailCodes.CountAsync(c => c.UserId == userId)),
        await QueryAsync(db => db.OutboxMails.CountAsync(m => m.UserId == userId)));
}
