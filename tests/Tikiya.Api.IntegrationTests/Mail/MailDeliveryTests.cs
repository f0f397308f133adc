using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Accounts;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// The mails of the shared app as its SMTP server receives them (API.md v1.1, Email, codes and mail): register's
/// verification mail, forgot-password's reset mail, what they hold and what the outbox keeps once they are sent.
/// </summary>
public sealed class MailDeliveryTests : ApiTest
{
    private const string Email = "mia@example.com";

    [Test]
    public async Task Register_VerificationMail_ArrivesToTheAddressFromMailFromWithDateAndMessageId()
    {
        await MailFlow.RegisterAsync(Client, Email);

        var message = await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        var from = MailboxAddress.Parse(TestMail.From);
        var row = await MailOutbox.SingleAsync(ConnectionString, MailTemplates.VerifyEmail);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Subject, Is.EqualTo(MailFlow.VerificationSubject));
            Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { Email }));
            Assert.That(message.From.Mailboxes.Select(m => (m.Name, m.Address)), Is.EqualTo(new[] { (from.Name, from.Address) }));
            Assert.That(message.Headers.Contains(HeaderId.Date), Is.True, "Date header");
            Assert.That(message.Date, Is.EqualTo(Factory.Clock.GetUtcNow()).Within(TimeSpan.FromSeconds(1)), "the app's clock");
            Assert.That(message.MessageId, Is.EqualTo($"{row.Id:N}@tikiya.test"), "made from the outbox row's id");
        }
    }

    [Test]
    public async Task Register_VerificationMail_IsMultipartWithTextAndHtml()
    {
        await MailFlow.RegisterAsync(Client, Email);

        var message = await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        Assert.That(message.Body, Is.InstanceOf<MultipartAlternative>());
        var parts = ((MultipartAlternative)message.Body).Select(part => part.ContentType.MimeType);
        Assert.That(parts, Is.EqualTo(new[] { "text/plain", "text/html" }));
        Assert.That(SentMail.Html(message), Does.Contain(SentMail.Code(message)), "the HTML part carries the same code");
    }

    [Test]
    public async Task Register_VerificationMail_HasACodeOnALineOfItsOwnAndALinkToTheApp()
    {
        await MailFlow.RegisterAsync(Client, Email);

        var message = await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SentMail.Code(message), Does.Match("^[0-9]{6}$"));
            Assert.That(SentMail.Links(message), Is.Not.Empty);
            Assert.That(SentMail.Links(message)[0].AbsoluteUri, Does.StartWith(TestMail.PublicAppUrl).And.Contain("token="),
                "PUBLIC_APP_URL, never the API's host");
            Assert.That(SentMail.LinkToken(message), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Register_TokenFromTheMailsLink_VerifiesTheEmail()
    {
        await MailFlow.RegisterAsync(Client, Email);
        var message = await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        var response = await Client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token = SentMail.LinkToken(message) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Register_OnceTheMailIsSent_OutboxRowKeepsNoModel()
    {
        await MailFlow.RegisterAsync(Client, Email);
        await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        var row = await MailOutbox.SingleAsync(ConnectionString, MailTemplates.VerifyEmail);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.SentAt, Is.Not.Null);
            Assert.That(row.Model, Is.Null, "the code exists in clear only until the mail is sent");
            Assert.That(row.FailedAttempts, Is.Zero);
        }
    }

    [Test]
    public async Task ForgotPassword_ForARegisteredUser_SendsTheResetMailWithCodeAndLink()
    {
        await MailFlow.RegisterAsync(Client, Email);
        await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        await MailFlow.ForgotPasswordAsync(Client, Email);

        var message = await TestSetup.Smtp.WaitForMessageAsync(m => MailFlow.IsReset(m, Email), MailFlow.Arrival);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SentMail.Code(message), Does.Match("^[0-9]{6}$"));
            Assert.That(SentMail.Links(message)[0].AbsoluteUri, Does.StartWith(TestMail.PublicAppUrl + "reset-password?token="));
        }
    }

    [Test]
    public async Task ForgotPassword_ForAnUnknownEmail_SendsNothing()
    {
        await MailFlow.RegisterAsync(Client, Email);
        await TestSetup.Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);

        await MailFlow.ForgotPasswordAsync(Client, "nobody@example.com");
        await MailOutbox.SettleAsync(Factory.Services, ConnectionString);

        Assert.That(await MailOutbox.ReadAsync(ConnectionString), Has.Count.EqualTo(1), "the verification mail only");
        Assert.That(TestSetup.Smtp.Messages.Where(m => MailFlow.IsTo(m, "nobody@example.com")), Is.Empty);
    }
}
