using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: forgot-password answers 202 with an empty body for a known and an unknown email alike; a reset mail
/// goes out only for an existing account. Its limits: MailRequestLimitsTests.
/// </summary>
public sealed class ForgotPasswordTests : ApiTest
{
    private const string Unknown = "nobody@example.com";

    [Test]
    public async Task ForgotPassword_ForKnownAndUnknownEmail_AnswersAlike202WithAnEmptyBody()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var known = await MailRequestAnswer.ReadAsync(await Client.ForgotPasswordAsync(UserBuilder.DefaultEmail));
        var unknown = await MailRequestAnswer.ReadAsync(await Client.ForgotPasswordAsync(Unknown));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(known.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(known.Body, Is.Empty);
            Assert.That(unknown, Is.EqualTo(known));
        }
    }

    [Test]
    public async Task ForgotPassword_ForVerifiedAccount_AnswersAsForAnUnknownEmail()
    {
        var mail = await Client.RegisterForVerificationMailAsync();
        await Client.VerifyEmailWithCodeAsync(SentMail.Code(mail));

        var verified = await MailRequestAnswer.ReadAsync(await Client.ForgotPasswordAsync(UserBuilder.DefaultEmail));
        var unknown = await MailRequestAnswer.ReadAsync(await Client.ForgotPasswordAsync(Unknown));

        Assert.That(unknown, Is.EqualTo(verified));
    }

    [Test]
    public async Task ForgotPassword_ForExistingAccount_SendsAResetMailWithCodeAndAppLink()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.ForgotPasswordAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var mail = await AccountMailbox.WaitForAsync(UserBuilder.DefaultEmail, AccountMailbox.Reset);
        Assert.That(SentMail.Code(mail), Does.Match("^[0-9]{6}$"));
        Assert.That(SentMail.Links(mail)[0].AbsoluteUri, Does.StartWith(TestMail.PublicAppUrl + "reset-password?token="));
    }

    [Test]
    public async Task ForgotPassword_ForUnknownEmail_SendsNoMail()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var response = await Client.ForgotPasswordAsync(Unknown);
        await AccountMailbox.HandlePendingRequestsAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(Unknown), Is.Empty);
        Assert.That(TestSetup.Smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address), Does.Not.Contain(Unknown));
    }

    [Test]
    public async Task ForgotPassword_ForExistingAccount_QueuesTheMailWithTheRequestHandled()
    {
        // The positive control of the test above: the same handling does queue a mail for an existing account.
        await Client.RegisterForVerificationMailAsync();

        await Client.ForgotPasswordAsync();
        await AccountMailbox.HandlePendingRequestsAsync();

        Assert.That(await AccountMailbox.OutboxTemplatesToAsync(UserBuilder.DefaultEmail),
            Is.EquivalentTo(new[] { "verify-email", "reset-password" }), "queued at the same instant: in no order");
    }
}
