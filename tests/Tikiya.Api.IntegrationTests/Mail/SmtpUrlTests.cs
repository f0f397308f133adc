using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Accounts;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// The forms of SMTP_URL (Ory Kratos' courier), each against a sink that asks for it: STARTTLS required, TLS from the
/// first byte, a login with the user and password of the URL.
/// </summary>
public sealed class SmtpUrlTests
{
    private const string Email = "ava@example.com";
    private const string WrongPassword = "not-the-sinks-password-42";

    private static IEnumerable<TestCaseData> Forms()
    {
        yield return new TestCaseData(new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls }, true)
            .SetName("Send_WithSmtpUrlRequiringStartTls_DeliversOverTls");
        yield return new TestCaseData(new SmtpSinkOptions { Security = SmtpSinkSecurity.ImplicitTls }, true)
            .SetName("Send_WithSmtpsUrl_DeliversOverTls");
        yield return new TestCaseData(new SmtpSinkOptions { Credentials = SmtpSinkCredentials.Default }, false)
            .SetName("Send_WithCredentialsInTheUrl_DeliversLoggedIn");
        yield return new TestCaseData(
                new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls, Credentials = SmtpSinkCredentials.Default }, true)
            .SetName("Send_WithStartTlsAndCredentials_DeliversLoggedInOverTls");
    }

    [TestCaseSource(nameof(Forms))]
    public async Task Send_WithThisSmtpUrl_Delivers(SmtpSinkOptions sinkOptions, bool overTls)
    {
        await using var sink = await SmtpSink.StartAsync(sinkOptions);
        await using var app = await IsolatedApp.StartAsync(TestMail.SmtpSettings(sink));

        await MailFlow.RegisterAsync(app.Client, Email);

        await sink.WaitForMessageToAsync(Email, MailFlow.Arrival);
        var received = sink.Received.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.OverTls, Is.EqualTo(overTls), "TLS");
            Assert.That(received.UserName, Is.EqualTo(sinkOptions.Credentials?.UserName), "logged in as");
            Assert.That(sink.Refusals, Is.Empty);
        }
    }

    [Test]
    public async Task Send_WithAWrongPassword_IsNotDeliveredAndIsRetried()
    {
        await using var sink = await SmtpSink.StartAsync(
            new SmtpSinkOptions { Security = SmtpSinkSecurity.StartTls, Credentials = SmtpSinkCredentials.Default });
        await using var app = await IsolatedApp.StartAsync(new Dictionary<string, string>(TestMail.SmtpSettings(sink))
        {
            ["SMTP_URL"] = sink.UrlWithCredentials(SmtpSinkCredentials.Default.UserName, WrongPassword),
        });

        await MailFlow.RegisterAsync(app.Client, Email);
        await app.SettleAsync();

        var row = (await app.OutboxAsync()).Single(r => r.Template == MailTemplates.VerifyEmail);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Messages, Is.Empty);
            Assert.That(sink.Refusals.Select(r => r.Code), Has.Some.EqualTo(535));
            Assert.That(row.FailedAttempts, Is.EqualTo(1));
            Assert.That(row.GaveUpAt, Is.Null, "a login problem is the operator's to fix: the mail waits for it");
            Assert.That(row.NextAttemptAt, Is.GreaterThan(row.QueuedAt));
            Assert.That(row.LastError, Does.Contain("authentication"));
            Assert.That(row.LastError, Does.Not.Contain(WrongPassword).And.Not.Contain(SmtpSinkCredentials.Default.UserName));
        }
    }
}
