using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mfa;

/// <summary>
/// API.md v1.1, "Second factor": <c>mfa/totp/disable</c> and <c>mfa/recovery-codes</c> need a valid TOTP or recovery
/// code; new recovery codes replace the old ones. Wrong codes count in the login throttle, here as at login.
/// </summary>
public sealed class TotpDisableTests : ApiTest
{
    private static DateTimeOffset Now => Factory.Clock.GetUtcNow();

    [Test]
    public async Task Disable_WithACode_SwitchesMfaOffForTheNextLogin()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.DisableTotpAsync(account.Session.AccessToken, account.CodeAt(Now));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await QueryAsync(db => db.TotpAuthenticators.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.RecoveryCodes.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Disable_WithARecoveryCode_SwitchesMfaOff()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.DisableTotpAsync(account.Session.AccessToken, account.RecoveryCodes[9]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Disable_RecordsMfaDisabledAndMailsANotice()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        await Client.DisableTotpAsync(account.Session.AccessToken, account.CodeAt(Now));

        var events = await Client.SecurityEventsOkAsync(account.Session.AccessToken);
        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.MfaDisabled);
        Assert.That(events.Select(e => e.Type), Does.Contain("mfa_disabled"));
        Assert.That(SentMail.Text(notice), Does.Contain("switched off"));
    }

    [Test]
    public async Task Disable_SpendsALoginsPendingSecondStep()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();

        await Client.DisableTotpAsync(account.Session.AccessToken, account.CodeAt(Now));
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));

        await ProblemAssert.IsProblemAsync(await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now)),
            HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task Disable_WithAWrongCode_Returns400InvalidMfaCodeAndLeavesMfaOn()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.DisableTotpAsync(account.Session.AccessToken, "abcd-efgh-jkmn");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_mfa_code");
        await MfaClient.MfaTokenOfAsync(await Client.LoginAsync());
    }

    [Test]
    public async Task Disable_WithMfaOff_Returns400MfaNotEnabled()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.DisableTotpAsync(session.AccessToken, "123456");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "mfa_not_enabled");
    }

    [Test]
    public async Task Disable_WrongCodes_CountInTheLoginThrottle()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ProblemAssert.IsProblemAsync(await Client.DisableTotpAsync(account.Session.AccessToken, "abcd-efgh-jkmn"),
                HttpStatusCode.BadRequest, "invalid_mfa_code");
        }

        var rightCode = await Client.DisableTotpAsync(account.Session.AccessToken, account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(rightCode, HttpStatusCode.TooManyRequests, "login_throttled");
        await ProblemAssert.IsProblemAsync(await Client.LoginAsync(), HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task RecoveryCodes_WithACode_ReplaceEveryOldOne()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var fresh = await MfaClient.RecoveryCodesOkAsync(
            await Client.ReplaceRecoveryCodesAsync(account.Session.AccessToken, account.CodeAt(Now)));

        Assert.That(fresh, Has.Count.EqualTo(10));
        Assert.That(fresh.Intersect(account.RecoveryCodes), Is.Empty);
        await ProblemAssert.IsProblemAsync(await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), account.RecoveryCodes[0]),
            HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Assert.That((await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), fresh[0])).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RecoveryCodes_WithARecoveryCode_SpendsItAndRecordsTheReplacement()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var fresh = await MfaClient.RecoveryCodesOkAsync(
            await Client.ReplaceRecoveryCodesAsync(account.Session.AccessToken, account.RecoveryCodes[0]));

        Assert.That(fresh, Has.Count.EqualTo(10));
        var events = (await Client.SecurityEventsOkAsync(account.Session.AccessToken)).Select(e => e.Type).ToList();
        Assert.That(events, Does.Contain("mfa_recovery_code_used").And.Contain("mfa_recovery_codes_replaced"));
        Assert.That(await QueryAsync(db => db.RecoveryCodes.CountAsync()), Is.EqualTo(10));
    }

    [Test]
    public async Task RecoveryCodes_WithAWrongCode_Returns400AndKeepsTheOldOnes()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.ReplaceRecoveryCodesAsync(account.Session.AccessToken, "000000");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_mfa_code");
        Assert.That((await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), account.RecoveryCodes[0])).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeleteAccount_TakesTheSecondFactorWithIt()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        await Client.LoginForMfaTokenAsync();

        await Client.DeleteAccountAsync(account.Session.AccessToken);

        Assert.That(await QueryAsync(db => db.TotpAuthenticators.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.RecoveryCodes.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.MfaChallenges.CountAsync()), Is.Zero);
    }
}
