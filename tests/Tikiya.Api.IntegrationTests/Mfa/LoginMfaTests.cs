using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mfa;

/// <summary>
/// API.md v1.1, "Second factor": with MFA on, the right password answers 401 <c>mfa_required</c> with an
/// <c>mfaToken</c> (single use, five minutes), and <c>login/mfa</c> with it and a code answers <c>Tokens</c>.
/// Codes are computed here from the secret, at the app's time (a FakeTimeProvider).
/// </summary>
public sealed class LoginMfaTests : ApiTest
{
    private const string WrongPassword = "wrong horse battery";

    private static DateTimeOffset Now => Factory.Clock.GetUtcNow();

    [Test]
    public async Task Login_WithMfaOn_RightPassword_Returns401MfaRequiredWithAToken()
    {
        await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.LoginAsync();

        var mfaToken = await MfaClient.MfaTokenOfAsync(response);
        Assert.That(mfaToken, Has.Length.GreaterThanOrEqualTo(43));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True); // it carries a token
    }

    [Test]
    public async Task Login_WithMfaOn_RightPassword_OpensNoSession()
    {
        await Client.SaveUserWithMfaAsync(Factory);
        var before = await QueryAsync(db => db.Sessions.CountAsync());

        await Client.LoginForMfaTokenAsync();

        Assert.That(await QueryAsync(db => db.Sessions.CountAsync()), Is.EqualTo(before));
    }

    [TestCase(UserBuilder.DefaultEmail, WrongPassword)]
    [TestCase("nobody@example.com", UserBuilder.DefaultPassword)]
    public async Task Login_WithMfaOn_WrongPasswordOrUnknownEmail_AnswersExactlyAsWithout(string email, string password)
    {
        await Client.SaveUserWithMfaAsync(Factory);
        await new UserBuilder().WithEmail("plain@example.com").SaveAsync(Factory.Services);

        var withMfa = await Client.LoginAsync(email, password);
        var without = await Client.LoginAsync("plain@example.com", WrongPassword);

        await ProblemAssert.IsProblemAsync(withMfa, HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(await BodyWithoutTraceAsync(withMfa), Is.EqualTo(await BodyWithoutTraceAsync(without)));
    }

    [Test]
    public async Task LoginMfa_WithTheCurrentCode_ReturnsTokensWhoseAmrIsPasswordAndOtp()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();

        var response = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        var tokens = await AuthClient.OkJsonAsync<Tokens>(response);
        Assert.That(Amr(tokens), Is.EqualTo(new[] { "pwd", "otp" }));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_WithoutMfa_HasAmrPasswordOnly_KeptAcrossARefresh()
    {
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);

        var refreshed = await Client.RefreshOkAsync(tokens.RefreshToken);

        Assert.That(Amr(tokens), Is.EqualTo(new[] { "pwd" }));
        Assert.That(Amr(refreshed), Is.EqualTo(new[] { "pwd" }));
    }

    [Test]
    public async Task Refresh_OfASessionOpenedWithTheSecondFactor_KeepsItsAmr()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var tokens = await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), account.CodeAt(Now));

        var once = await Client.RefreshOkAsync(tokens.RefreshToken);
        var twice = await Client.RefreshOkAsync(once.RefreshToken);

        Assert.That(Amr(twice), Is.EqualTo(new[] { "pwd", "otp" }));
    }

    [TestCase(-1)]
    [TestCase(1)]
    public async Task LoginMfa_WithTheCodeOfTheNextOrPreviousStep_IsAccepted(int steps)
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        Factory.Clock.Advance(TimeSpan.FromSeconds(60)); // the previous step must be after the confirmation's
        var mfaToken = await Client.LoginForMfaTokenAsync();

        var response = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now.AddSeconds(30 * steps)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase(-2)]
    [TestCase(2)]
    public async Task LoginMfa_WithTheCodeOfTwoStepsAway_Returns401InvalidMfaCode(int steps)
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        Factory.Clock.Advance(TimeSpan.FromSeconds(90));
        var mfaToken = await Client.LoginForMfaTokenAsync();

        var response = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now.AddSeconds(30 * steps)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task LoginMfa_WithACodeAlreadyAccepted_Returns401InvalidMfaCode()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var code = account.CodeAt(Now);
        await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), code);
        Factory.Clock.Advance(TimeSpan.FromSeconds(10)); // still inside the code's window

        var replay = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), code);

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task LoginMfa_WithTheCodeOfAStepBeforeTheLastAccepted_Returns401InvalidMfaCode()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), account.CodeAt(Now.AddSeconds(30)));

        var older = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(older, HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task LoginMfa_WithTheConfirmationsCode_Returns401InvalidMfaCode()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        var enrolment = await Client.EnrolTotpOkAsync(session.AccessToken);
        var code = Rfc6238.CodeAt(enrolment.Secret, Now);
        await MfaClient.RecoveryCodesOkAsync(await Client.ConfirmTotpAsync(session.AccessToken, code));

        var response = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), code);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task LoginMfa_AfterAWrongCode_StillAcceptsTheTokenWithTheRightOne()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();

        var wrong = await Client.LoginMfaAsync(mfaToken, OtherCode(account.CodeAt(Now)));
        var right = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), await right.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginMfa_WithATokenAlreadyUsed_Returns401InvalidMfaToken()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        await Client.LoginMfaOkAsync(mfaToken, account.CodeAt(Now));
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));

        var again = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task LoginMfa_FiveMinutesAfterThePassword_Returns401InvalidMfaToken()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var late = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task LoginMfa_JustBeforeFiveMinutes_IsAccepted()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        var response = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginMfa_WithAnUnknownToken_Returns401InvalidMfaTokenAndCountsNothing()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await ProblemAssert.IsProblemAsync(await Client.LoginMfaAsync("not-a-token-of-ours", account.CodeAt(Now)),
                HttpStatusCode.Unauthorized, "invalid_mfa_token");
        }

        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized)); // mfa_required, not 429
    }

    [Test]
    public async Task LoginMfa_WithAnUnusedRecoveryCode_ReturnsTokensOnce()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var recoveryCode = account.RecoveryCodes[3];

        var first = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), recoveryCode);
        var second = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), recoveryCode);

        var tokens = await AuthClient.OkJsonAsync<Tokens>(first);
        Assert.That(Amr(tokens), Is.EqualTo(new[] { "pwd", "otp" }));
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task LoginMfa_WithARecoveryCodeAsPeopleTypeIt_IsAccepted()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var typed = account.RecoveryCodes[0].Replace("-", " ", StringComparison.Ordinal).ToUpperInvariant();

        var response = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), typed);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginMfa_WithARecoveryCode_RecordsItsUseAndLeavesNineCodes()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var tokens = await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), account.RecoveryCodes[0]);

        var events = await Client.SecurityEventsOkAsync(tokens.AccessToken);
        Assert.That(events.Select(e => e.Type), Does.Contain("mfa_recovery_code_used"));
        var status = await Client.MfaStatusOkAsync(tokens.AccessToken);
        Assert.That(status.RecoveryCodesRemaining, Is.EqualTo(9));
    }

    [Test]
    public async Task LoginMfa_WithAnotherAccountsRecoveryCode_Returns401InvalidMfaCode()
    {
        var other = await Client.SaveUserWithMfaAsync(Factory, "other@example.com");
        await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.LoginMfaAsync(await Client.LoginForMfaTokenAsync(), other.RecoveryCodes[0]);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Test]
    public async Task LoginMfa_WrongCodes_CountInTheAccountsLoginThrottle()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        await FailCodesAsync(mfaToken, account, 5);

        var rightCode = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));
        var password = await Client.LoginAsync();

        await ProblemAssert.IsProblemAsync(rightCode, HttpStatusCode.TooManyRequests, "login_throttled");
        await ProblemAssert.IsProblemAsync(password, HttpStatusCode.TooManyRequests, "login_throttled");
        Assert.That(rightCode.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Login_MfaRequired_DoesNotResetTheThrottle()
    {
        await Client.SaveUserWithMfaAsync(Factory);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Client.LoginAsync(password: WrongPassword);
        }

        await Client.LoginForMfaTokenAsync();
        var fifth = await Client.LoginAsync(password: WrongPassword);
        var sixth = await Client.LoginAsync();

        await ProblemAssert.IsProblemAsync(fifth, HttpStatusCode.Unauthorized, "invalid_credentials");
        await ProblemAssert.IsProblemAsync(sixth, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task LoginMfa_Success_ResetsTheThrottle()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Client.LoginAsync(password: WrongPassword);
        }

        await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), account.CodeAt(Now));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Client.LoginAsync(password: WrongPassword);
        }

        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized)); // mfa_required again
        await MfaClient.MfaTokenOfAsync(await Client.LoginAsync());
    }

    [Test]
    public async Task LoginMfa_RecordsTheLoginOnlyWhenItSucceeds()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var before = await QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == Domain.SecurityEvents.SecurityEventType.LoginSucceeded));
        var mfaToken = await Client.LoginForMfaTokenAsync();
        var afterPassword = await QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == Domain.SecurityEvents.SecurityEventType.LoginSucceeded));

        await Client.LoginMfaOkAsync(mfaToken, account.CodeAt(Now));

        var afterCode = await QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == Domain.SecurityEvents.SecurityEventType.LoginSucceeded));
        Assert.That((afterPassword, afterCode), Is.EqualTo((before, before + 1)));
    }

    [Test]
    public async Task ResetPassword_LeavesMfaOn()
    {
        await Client.SaveUserWithMfaAsync(Factory);
        var reset = await Client.ForgotPasswordForMailAsync();
        var newPassword = "a brand new horse battery";
        Assert.That((await Client.ResetPasswordWithCodeAsync(SentMail.Code(reset), newPassword)).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));

        var login = await Client.LoginAsync(password: newPassword);

        await MfaClient.MfaTokenOfAsync(login);
    }

    [Test]
    public async Task LoginMfa_AfterAPasswordResetSinceThePassword_Returns401InvalidMfaToken()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        var reset = await Client.ForgotPasswordForMailAsync();
        await Client.ResetPasswordWithCodeAsync(SentMail.Code(reset), "a brand new horse battery");

        var response = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Test]
    public async Task LoginMfa_FromAKnownDevice_GivesItANewDeviceTokenThatStaysKnown()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var first = await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), account.CodeAt(Now));
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var devices = await QueryAsync(db => db.DeviceTokens.CountAsync());

        var mfaToken = await MfaClient.MfaTokenOfAsync(await Client.LoginFromKnownDeviceAsync(first.DeviceToken!));
        var second = await Client.LoginMfaOkAsync(mfaToken, account.CodeAt(Now));

        Assert.That(second.DeviceToken, Is.Not.Null.And.Not.EqualTo(first.DeviceToken));
        Assert.That(await QueryAsync(db => db.DeviceTokens.CountAsync()), Is.EqualTo(devices)); // the same device, renewed
        // The renewed token keeps the device out of the email's lockout; the old one is no device any more.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Client.LoginAsync(password: WrongPassword);
        }

        await MfaClient.MfaTokenOfAsync(await Client.LoginFromKnownDeviceAsync(second.DeviceToken!));
        await ProblemAssert.IsProblemAsync(await Client.LoginFromKnownDeviceAsync(first.DeviceToken!),
            HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task LoginMfa_FromAKnownDevice_CountsWrongCodesInTheDevicesRowOnly()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var device = (await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(), account.CodeAt(Now))).DeviceToken!;
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var mfaToken = await MfaClient.MfaTokenOfAsync(await Client.LoginFromKnownDeviceAsync(device));

        await FailCodesAsync(mfaToken, account, 5);

        await ProblemAssert.IsProblemAsync(await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now)),
            HttpStatusCode.TooManyRequests, "login_throttled");
        await ProblemAssert.IsProblemAsync(await Client.LoginFromKnownDeviceAsync(device), HttpStatusCode.TooManyRequests,
            "login_throttled");
        await MfaClient.MfaTokenOfAsync(await Client.LoginAsync()); // the email's own row counted none of them
    }

    [Test]
    public async Task LoginMfa_KeepsTheDeviceNameOfThePasswordStep()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await MfaClient.MfaTokenOfAsync(await Client.LoginFromDeviceAsync("Ann's phone"));

        var tokens = await Client.LoginMfaOkAsync(mfaToken, account.CodeAt(Now));

        var sessions = await Client.SessionsOkAsync(tokens.AccessToken);
        Assert.That(sessions.Single(s => s.Current).DeviceName, Is.EqualTo("Ann's phone"));
    }

    [TestCase("")]
    [TestCase("12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task LoginMfa_WithAnEmptyOrOverlongCode_Returns400(string code)
    {
        await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();

        var response = await Client.LoginMfaAsync(mfaToken, code);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task ChangeEmail_WithTheRightPassword_DoesNotClearTheWrongCodesOfASecondStep()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        await FailCodesAsync(mfaToken, account, 4);

        var changed = await Client.ChangeEmailAsync(account.Session.AccessToken, "ann.new@example.com");
        await FailCodesAsync(mfaToken, account, 1);
        var rightCode = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await changed.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(rightCode, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task ReplaceRecoveryCodes_WithARightCode_DoesNotClearTheWrongCodesOfASecondStep()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        await FailCodesAsync(mfaToken, account, 4);

        var replaced = await Client.ReplaceRecoveryCodesAsync(account.Session.AccessToken, account.RecoveryCodes[0]);
        await FailCodesAsync(mfaToken, account, 1);
        var rightCode = await Client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        await MfaClient.RecoveryCodesOkAsync(replaced);
        await ProblemAssert.IsProblemAsync(rightCode, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task LoginMfa_WithARecoveryCodeAfterAPasswordReset_KeepsTheCodeAndRecordsNoUse()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        var newPassword = "a brand new horse battery";
        await Client.ResetPasswordWithCodeAsync(SentMail.Code(await Client.ForgotPasswordForMailAsync()), newPassword);

        var stale = await Client.LoginMfaAsync(mfaToken, account.RecoveryCodes[0]);

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Unauthorized, "invalid_mfa_token");
        Assert.That(await QueryAsync(db => db.SecurityEvents.CountAsync(e =>
            e.Type == Domain.SecurityEvents.SecurityEventType.MfaRecoveryCodeUsed)), Is.Zero);
        await Client.LoginMfaOkAsync(await Client.LoginForMfaTokenAsync(password: newPassword), account.RecoveryCodes[0]);
    }

    [Test]
    public async Task Refresh_OfASessionOpenedBeforeMfaWasOn_KeepsAmrPasswordOnly()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var refreshed = await Client.RefreshOkAsync(account.Session.RefreshToken);

        Assert.That(Amr(refreshed), Is.EqualTo(new[] { "pwd" }));
    }

    private async Task FailCodesAsync(string mfaToken, MfaAccount account, int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            await ProblemAssert.IsProblemAsync(await Client.LoginMfaAsync(mfaToken, OtherCode(account.CodeAt(Now))),
                HttpStatusCode.Unauthorized, "invalid_mfa_code");
        }
    }

    private static string OtherCode(string code) => code == "000000" ? "000001" : "000000";

    private static string[] Amr(Tokens tokens) =>
        [.. new JsonWebToken(tokens.AccessToken).Claims.Where(c => c.Type == "amr").Select(c => c.Value)];



    private static async Task<string> BodyWithoutTraceAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return string.Join(';', body.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
