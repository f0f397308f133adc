using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mfa;

/// <summary>
/// API.md v1.1, "Second factor": <c>mfa/totp</c> with the password returns a new secret; <c>mfa/totp/confirm</c> with a
/// valid code switches MFA on and returns ten recovery codes, shown once, stored only as hashes.
/// </summary>
public sealed partial class TotpEnrolmentTests : ApiTest
{
    private static DateTimeOffset Now => Factory.Clock.GetUtcNow();

    [Test]
    public async Task Enrol_WithThePassword_ReturnsABase32SecretAndItsOtpauthUri()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.EnrolTotpAsync(session.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        var enrolment = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TotpEnrolment>(response.Content))!;
        Assert.That(enrolment.Secret, Does.Match("^[A-Z2-7]{32}$")); // 160 bits, RFC 4226's length for SHA-1
        var uri = new Uri(enrolment.OtpauthUri);
        Assert.That((uri.Scheme, uri.Host), Is.EqualTo(("otpauth", "totp")));
        Assert.That(Uri.UnescapeDataString(uri.AbsolutePath), Is.EqualTo("/Tikiya:" + UserBuilder.DefaultEmail));
        Assert.That(enrolment.OtpauthUri, Does.Contain("secret=" + enrolment.Secret).And.Contain("issuer=Tikiya"));
    }

    [Test]
    public async Task Enrol_WithAWrongPassword_Returns400InvalidCurrentPasswordAndChangesNothing()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.EnrolTotpAsync(session.AccessToken, "wrong horse battery");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_current_password");
        Assert.That(await QueryAsync(db => db.TotpAuthenticators.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Enrol_StoresTheSecretEncrypted()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);

        var enrolment = await Client.EnrolTotpOkAsync(session.AccessToken);

        var stored = await QueryAsync(db => db.TotpAuthenticators.SingleAsync());
        var secret = Rfc6238.DecodeBase32(enrolment.Secret);
        Assert.That(stored.SecretCiphertext.AsSpan().IndexOf(secret), Is.EqualTo(-1));
        Assert.That(stored.SecretCiphertext, Has.Length.GreaterThan(secret.Length)); // nonce and tag beside it
    }

    [Test]
    public async Task Enrol_Alone_LeavesMfaOff()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);

        await Client.EnrolTotpOkAsync(session.AccessToken);

        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await UserOfAsync(session.AccessToken)).GetProperty("mfaEnabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Confirm_WithTheCurrentCode_SwitchesMfaOnAndReturnsTenRecoveryCodes()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        var enrolment = await Client.EnrolTotpOkAsync(session.AccessToken);

        var response = await Client.ConfirmTotpAsync(session.AccessToken, Rfc6238.CodeAt(enrolment.Secret, Now));

        var codes = await MfaClient.RecoveryCodesOkAsync(response);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(codes, Has.Count.EqualTo(10).And.Unique);
        Assert.That(codes, Has.All.Matches<string>(code => RecoveryCodeShape().IsMatch(code)));
        Assert.That((await UserOfAsync(session.AccessToken)).GetProperty("mfaEnabled").GetBoolean(), Is.True);
        await MfaClient.MfaTokenOfAsync(await Client.LoginAsync());
    }

    [Test]
    public async Task Confirm_StoresTheRecoveryCodesOnlyAsHashes()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var stored = await QueryAsync(db => db.RecoveryCodes.Select(c => c.CodeHash).ToListAsync());

        Assert.That(stored, Has.Count.EqualTo(10));
        Assert.That(stored, Has.All.Length.EqualTo(32));
        var asText = stored.Select(hash => System.Text.Encoding.UTF8.GetString(hash)).ToList();
        Assert.That(account.RecoveryCodes.Any(code => asText.Any(text => text.Contains(code[..4], StringComparison.Ordinal))),
            Is.False);
    }

    [Test]
    public async Task Confirm_RecordsMfaEnabledAndMailsANotice()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var events = await Client.SecurityEventsOkAsync(account.Session.AccessToken);
        var notice = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.MfaEnabled);

        Assert.That(events.Select(e => e.Type), Does.Contain("mfa_enabled"));
        Assert.That(SentMail.Text(notice), Does.Contain("switched on"));
    }

    [Test]
    public async Task Confirm_WithAWrongCode_Returns400InvalidMfaCodeAndLeavesMfaOff()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        var enrolment = await Client.EnrolTotpOkAsync(session.AccessToken);
        var code = Rfc6238.CodeAt(enrolment.Secret, Now);

        var response = await Client.ConfirmTotpAsync(session.AccessToken, code == "000000" ? "000001" : "000000");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_mfa_code");
        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Confirm_WithARecoveryCodeShape_Returns400InvalidMfaCode()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.EnrolTotpOkAsync(session.AccessToken);

        var response = await Client.ConfirmTotpAsync(session.AccessToken, "abcd-efgh-jkmn");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_mfa_code");
    }

    [Test]
    public async Task Confirm_WithoutAnEnrolment_Returns400MfaNotEnabled()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.ConfirmTotpAsync(session.AccessToken, "123456");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "mfa_not_enabled");
    }

    [Test]
    public async Task Enrol_AgainBeforeTheConfirmation_ReplacesTheSecret()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        var first = await Client.EnrolTotpOkAsync(session.AccessToken);
        var second = await Client.EnrolTotpOkAsync(session.AccessToken);

        var withFirst = await Client.ConfirmTotpAsync(session.AccessToken, Rfc6238.CodeAt(first.Secret, Now));
        var withSecond = await Client.ConfirmTotpAsync(session.AccessToken, Rfc6238.CodeAt(second.Secret, Now));

        Assert.That(second.Secret, Is.Not.EqualTo(first.Secret));
        await ProblemAssert.IsProblemAsync(withFirst, HttpStatusCode.BadRequest, "invalid_mfa_code");
        await MfaClient.RecoveryCodesOkAsync(withSecond);
    }

    [Test]
    public async Task Enrol_WithMfaOn_Returns409MfaAlreadyEnabled()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.EnrolTotpAsync(account.Session.AccessToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "mfa_already_enabled");
    }

    [Test]
    public async Task Confirm_WithMfaOn_Returns409MfaAlreadyEnabled()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);

        var response = await Client.ConfirmTotpAsync(account.Session.AccessToken, account.CodeAt(Now));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "mfa_already_enabled");
    }

    [Test]
    public async Task Status_SaysWhetherMfaIsOnAndHowManyRecoveryCodesAreLeft()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        var off = await Client.MfaStatusOkAsync(session.AccessToken);
        var enrolment = await Client.EnrolTotpOkAsync(session.AccessToken);
        var pending = await Client.MfaStatusOkAsync(session.AccessToken);
        await MfaClient.RecoveryCodesOkAsync(await Client.ConfirmTotpAsync(session.AccessToken, Rfc6238.CodeAt(enrolment.Secret, Now)));

        var on = await Client.MfaStatusOkAsync(session.AccessToken);

        Assert.That(off, Is.EqualTo(new MfaStatus(false, null, 0)));
        Assert.That(pending, Is.EqualTo(new MfaStatus(false, null, 0)));
        Assert.That(on, Is.EqualTo(new MfaStatus(true, Now, 10)));
    }

    [Test]
    public async Task Enrolment_WithoutAnAccessToken_Returns401()
    {
        var response = await Client.EnrolTotpAsync(accessToken: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Test]
    public async Task Purge_ForgetsAnEnrolmentNeverConfirmedAfterADay()
    {
        var session = await Client.SaveUserAndLoginAsync(Factory.Services);
        await Client.EnrolTotpOkAsync(session.AccessToken);
        Factory.Clock.Advance(TimeSpan.FromDays(1));

        await Purge.RunAsync();

        Assert.That(await QueryAsync(db => db.TotpAuthenticators.CountAsync()), Is.Zero);
    }

    private async Task<JsonElement> UserOfAsync(string accessToken) =>
        await AuthClient.OkJsonAsync<JsonElement>(await Client.MeAsync(accessToken));


    [GeneratedRegex("^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$")]
    private static partial Regex RecoveryCodeShape();
}
