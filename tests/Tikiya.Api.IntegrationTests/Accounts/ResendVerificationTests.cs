using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: resend-verification answers 202 with an empty body for a known, an unknown and a verified email alike;
/// a mail goes out only for an unverified account. Its limits: MailRequestLimitsTests.
/// </summary>
public sealed class ResendVerificationTests : ApiTest
{
    private const string Unknown = "nobody@example.com";
    private const string Verified = "bob@example.com";

    [Test]
    public async Task ResendVerification_ForKnownUnknownAndVerifiedEmail_AnswersAlike202WithAnEmptyBody()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await RegisterVerifiedAsync(Verified);

        var known = await MailRequestAnswer.ReadAsync(await Client.ResendVerificationAsync(UserBuilder.DefaultEmail));
        var unknown = await MailRequestAnswer.ReadAsync(await Client.ResendVerificationAsync(Unknown));
        var verified = await MailRequestAnswer.ReadAsync(await Client.ResendVerificationAsync(Verified));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(known.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(known.Body, Is.Empty);
            Assert.That(unknown, Is.EqualTo(known));
            Assert.That(verified, Is.EqualTo(known));
        }
    }

    [Test]
    public async Task ResendVerification_ForUnverifiedAccount_SendsANewVerificationMail()
    {
        var registerMail = await Client.RegisterForVerificationMailAsync();

        var response = await Client.ResendVerificationAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var resent = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.Verification,
            mail => SentMail.LinkToken(mail) != SentMail.LinkToken(registerMail));
        Assert.That(SentMail.Code(resent), Does.Match("^[0-9]{6}$"));
        Assert.That(SentMail.Links(resent)[0].AbsoluteUri, Does.StartWith(TestMail.PublicAppUrl + "verify-email?token="));
    }

    [Test]
    public async Task ResendVerification_ForUnknownEmail_SendsNoMail()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.ResendVerificationAsync(Unknown);
        await AccountMailbox.HandlePendingRequestsAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(Unknown), Is.Empty);
        Assert.That(TestSetup.Smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address), Does.Not.Contain(Unknown));
    }

    [Test]
    public async Task ResendVerification_ForVerifiedEmail_SendsNoMail()
    {
        await RegisterVerifiedAsync(Verified);

        var response = await Client.ResendVerificationAsync(Verified);
        await AccountMailbox.HandlePendingRequestsAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(Verified), Is.EqualTo(new[] { "verify-email" }),
            "register's mail only");
        Assert.That(AccountMailbox.Received(Verified, AccountMailbox.Verification), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ResendVerification_ForUnverifiedAccount_QueuesTheMailWithTheRequestHandled()
    {
        // The positive control of the two tests above: the same handling does queue a mail when there is one to send.
        await Client.RegisterForVerificationMailAsync();

        await Client.ResendVerificationAsync();
        await AccountMailbox.HandlePendingRequestsAsync();

        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail),
            Is.EqualTo(new[] { "verify-email", "verify-email" }));
    }

    private async Task RegisterVerifiedAsync(string email)
    {
        var mail = await Client.RegisterForVerificationMailAsync(email);
        var verified = await Client.VerifyEmailWithCodeAsync(SentMail.Code(mail), email);
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await verified.Content.ReadAsStringAsync());
    }
}
