using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1, "Email, codes and mail": verify-email takes the link's token or the address and code of the mail;
/// both are single use, last 24 hours, are replaced by a newer mail, and are spent by 5 wrong codes.
/// </summary>
public sealed class VerifyEmailTests : ApiTest
{
    private const string VerifyEmailPath = "/api/v1/auth/verify-email";
    private const string WrongCode = "000000";

    [Test]
    public async Task VerifyEmail_WithTheLinkToken_Returns204AndMarksTheEmailVerified()
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        var tokens = await Client.LoginOkAsync();

        var response = await Client.VerifyEmailWithTokenAsync(SentMail.LinkToken(mail));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.True);
    }

    [Test]
    public async Task VerifyEmail_WithEmailAndCode_Returns204AndMarksTheEmailVerified()
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        var tokens = await Client.LoginOkAsync();

        var response = await Client.VerifyEmailWithCodeAsync(SentMail.Code(mail), "  ANN@example.com ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.True);
    }

    [Test]
    public async Task VerifyEmail_WithWrongCode_Returns400AndLeavesTheEmailUnverified()
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        var tokens = await Client.LoginOkAsync();

        var response = await Client.VerifyEmailWithCodeAsync(WrongCode);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.False);
        Assert.That(SentMail.Code(mail), Is.Not.EqualTo(WrongCode), "the test's wrong code must be wrong");
    }

    [Test]
    public async Task VerifyEmail_WithUnknownEmail_Returns400InvalidOrExpiredCode()
    {
        var mail = await Client.RegisterForVerificationMailAsync();

        var response = await Client.VerifyEmailWithCodeAsync(SentMail.Code(mail), "nobody@example.com");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [Test]
    public async Task VerifyEmail_WithUnknownToken_Returns400InvalidOrExpiredCode()
    {
        await Client.RegisterForVerificationMailAsync();

        var response = await Client.VerifyEmailWithTokenAsync("not-a-token-of-ours");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [TestCase("token", "token")]
    [TestCase("token", "code")]
    [TestCase("code", "code")]
    [TestCase("code", "token")]
    public async Task VerifyEmail_UsedOnceAlready_Returns400(string firstForm, string secondForm)
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        var first = await VerifyAsync(mail, firstForm);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await first.Content.ReadAsStringAsync());

        var second = await VerifyAsync(mail, secondForm);

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [TestCase("token")]
    [TestCase("code")]
    public async Task VerifyEmail_After24Hours_Returns400AndLeavesTheEmailUnverified(string form)
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var response = await VerifyAsync(mail, form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        var tokens = await Client.LoginOkAsync();
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.False);
    }

    [Test]
    public async Task VerifyEmail_JustWithin24Hours_Returns204()
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        var response = await VerifyAsync(mail, "code");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [TestCase("code")]
    [TestCase("token")]
    public async Task VerifyEmail_AfterFiveWrongCodes_RefusesTheRightCodeAndTheLink(string form)
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ProblemAssert.IsProblemAsync(await Client.VerifyEmailWithCodeAsync(WrongCode), HttpStatusCode.BadRequest,
                "invalid_or_expired_code");
        }

        var response = await VerifyAsync(mail, form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        var tokens = await Client.LoginOkAsync();
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.False);
    }

    [Test]
    public async Task VerifyEmail_AfterFourWrongCodes_StillTakesTheRightCode()
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Client.VerifyEmailWithCodeAsync(WrongCode);
        }

        var response = await VerifyAsync(mail, "code");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [TestCase("code")]
    [TestCase("token")]
    public async Task VerifyEmail_SameMailTwiceAtOnce_ExactlyOneReturns204(string form)
    {
        var mail = await Client.RegisterForVerificationMailAsync();

        var responses = await Task.WhenAll(VerifyAsync(mail, form), VerifyAsync(mail, form));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.NoContent), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.BadRequest), Is.EqualTo(1), string.Join(", ", statuses));
    }

    [Test]
    public async Task VerifyEmail_TenWrongCodesAtOnce_SpendTheCode()
    {
        // Tries are counted before they are compared: a burst cannot compare more than 5 guesses.
        var mail = await Client.RegisterForVerificationMailAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.VerifyEmailWithCodeAsync(WrongCode)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.BadRequest));
        await ProblemAssert.IsProblemAsync(await VerifyAsync(mail, "code"), HttpStatusCode.BadRequest, "invalid_or_expired_code");
    }

    [TestCase("code")]
    [TestCase("token")]
    public async Task VerifyEmail_WithTheOlderMailAfterAResend_Returns400(string form)
    {
        var older = await Client.RegisterForVerificationMailAsync();
        var newer = await ResendAsync(older);

        var response = await VerifyAsync(older, form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_or_expired_code");
        Assert.That(SentMail.LinkToken(newer), Is.Not.EqualTo(SentMail.LinkToken(older)));
    }

    [TestCase("code")]
    [TestCase("token")]
    public async Task VerifyEmail_WithTheNewerMailAfterAResend_Returns204(string form)
    {
        var older = await Client.RegisterForVerificationMailAsync();
        var newer = await ResendAsync(older);
        await VerifyAsync(older, form);

        var response = await VerifyAsync(newer, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var tokens = await Client.LoginOkAsync();
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.True);
    }

    [Test]
    public async Task VerifyEmail_WithBothForms_Returns400ValidationFailedAndVerifiesNothing()
    {
        var mail = await Client.RegisterForVerificationMailAsync();

        var response = await Client.PostWithBearerAsync(VerifyEmailPath, null,
            new { token = SentMail.LinkToken(mail), email = UserBuilder.DefaultEmail, code = SentMail.Code(mail) });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "email"), Is.Not.Empty);
        Assert.That(ProblemAssert.Errors(problem, "code"), Is.Not.Empty);
        var tokens = await Client.LoginOkAsync();
        Assert.That(await Client.EmailVerifiedAsync(tokens.AccessToken), Is.False);
    }

    [Test]
    public async Task VerifyEmail_WithNeitherForm_Returns400ValidationFailed()
    {
        var response = await Client.PostRawJsonAsync(VerifyEmailPath, null, "{}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "email"), Is.Not.Empty);
        Assert.That(ProblemAssert.Errors(problem, "code"), Is.Not.Empty);
    }

    [Test]
    public async Task VerifyEmail_WithEmailButNoCode_Returns400ValidationFailedOnCode()
    {
        var response = await Client.PostWithBearerAsync(VerifyEmailPath, null, new { email = UserBuilder.DefaultEmail });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, "code"), Is.Not.Empty);
    }

    [TestCase("""{"token": 123}""")]
    [TestCase("""{"email": ["ann@example.com"], "code": "123456"}""")]
    [TestCase("""{"email": "ann@example.com", "code": 123456}""")]
    [TestCase("""{"token": {"value": "x"}}""")]
    [TestCase("[]")]
    [TestCase("\"token\"")]
    public async Task VerifyEmail_WithWrongTypes_Returns400MalformedRequest(string json)
    {
        var response = await Client.PostRawJsonAsync(VerifyEmailPath, null, json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
        Assert.That(problem.GetProperty("errors").EnumerateObject(), Is.Not.Empty);
    }

    private Task<HttpResponseMessage> VerifyAsync(MimeKit.MimeMessage mail, string form) => form == "token"
        ? Client.VerifyEmailWithTokenAsync(SentMail.LinkToken(mail))
        : Client.VerifyEmailWithCodeAsync(SentMail.Code(mail));

    /// <summary>resend-verification, and the new mail it sends (the one whose link is not the older mail's).</summary>
    private async Task<MimeKit.MimeMessage> ResendAsync(MimeKit.MimeMessage older)
    {
        var olderToken = SentMail.LinkToken(older);
        var resent = await Client.ResendVerificationAsync();
        Assert.That(resent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await resent.Content.ReadAsStringAsync());
        return await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.Verification,
            mail => SentMail.LinkToken(mail) != olderToken);
    }
}
