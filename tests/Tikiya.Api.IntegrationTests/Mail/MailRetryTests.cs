using System.Net;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Accounts;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// The shared app against an SMTP server that is down, refuses for now or refuses for good (API.md v1.1: an SMTP
/// outage never fails a request; retried with backoff, the first retry within 30 seconds, for at least 24 hours).
/// Retries are made due by moving the app's clock; <see cref="MailOutbox.SettleAsync"/> runs the sender's round and
/// waits for it, so nothing here sleeps.
/// </summary>
public sealed class MailRetryTests : ApiTest
{
    private const string Email = "noah@example.com";

    private static SmtpSink Smtp => TestSetup.Smtp;

    /// <summary>Every later test needs the shared sink up, whatever this one did before it failed.</summary>
    [TearDown]
    public async Task StartTheSinkAgainAsync()
    {
        if (!Smtp.IsRunning)
        {
            await Smtp.StartAgainAsync();
        }
    }

    [Test]
    public async Task Register_WhileSmtpIsDown_Returns201()
    {
        await Smtp.StopAsync();

        var response = await new UserBuilder().WithEmail(Email).RegisterAsync(Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Register_WhileSmtpIsDown_RecordsAFailedAttemptRetriedWithin30Seconds()
    {
        await Smtp.StopAsync();
        await MailFlow.RegisterAsync(Client, Email);

        await SettleAsync();

        var row = await VerificationRowAsync();
        var now = Factory.Clock.GetUtcNow();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.FailedAttempts, Is.EqualTo(1));
            Assert.That(row.NextAttemptAt, Is.GreaterThan(now).And.LessThanOrEqualTo(now + TimeSpan.FromSeconds(30)));
            Assert.That(row.LastError, Does.Contain("SMTP connection failed"));
            Assert.That(row.LastError, Does.Not.Contain(Email));
            Assert.That(row.SentAt, Is.Null);
            Assert.That(row.GaveUpAt, Is.Null);
            Assert.That(row.Model, Does.Contain("\"code\""), "kept until the mail is sent");
        }
    }

    [Test]
    public async Task SmtpBackUp_BeforeTheRetryIsDue_SendsNothing()
    {
        await Smtp.StopAsync();
        await MailFlow.RegisterAsync(Client, Email);
        await SettleAsync();
        await Smtp.StartAgainAsync();

        await SettleAsync();

        Assert.That(Smtp.Messages, Is.Empty, "the mail waits its backoff on the app's clock");
        Assert.That((await VerificationRowAsync()).FailedAttempts, Is.EqualTo(1));
    }

    [Test]
    public async Task SmtpBackUp_OnceTheRetryIsDue_DeliversTheMailWithTheQueuedCode()
    {
        await Smtp.StopAsync();
        await MailFlow.RegisterAsync(Client, Email);
        await SettleAsync();
        var failed = await VerificationRowAsync();
        await Smtp.StartAgainAsync();

        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await SettleAsync();

        var message = await Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);
        var sent = await VerificationRowAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Model, Does.Contain($"\"{SentMail.Code(message)}\""), "the code queued with the account");
            Assert.That(sent.SentAt, Is.Not.Null);
            Assert.That(sent.Model, Is.Null);
            Assert.That(Smtp.Messages.Count(m => MailFlow.IsTo(m, Email)), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task TransientRefusal_451ThenAccepted_IsRetriedAndDeliveredOnce()
    {
        Smtp.FailNextMessagesTransiently(1);
        await MailFlow.RegisterAsync(Client, Email);
        await SettleAsync();
        var refused = await VerificationRowAsync();

        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await SettleAsync();

        await Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.FailedAttempts, Is.EqualTo(1));
            Assert.That(refused.LastError, Does.Contain("451"));
            Assert.That(refused.GaveUpAt, Is.Null, "451 is for now, not for good");
            Assert.That(Smtp.Refusals.Select(r => r.Code), Is.EqualTo(new[] { 451 }));
            Assert.That(Smtp.Messages.Count(m => MailFlow.IsTo(m, Email)), Is.EqualTo(1));
            Assert.That((await VerificationRowAsync()).SentAt, Is.Not.Null);
        }
    }

    [Test]
    public async Task PermanentRefusal_550ForTheRecipient_GivesUpAtOnce()
    {
        Smtp.RejectRecipient(Email);
        await MailFlow.RegisterAsync(Client, Email);

        await SettleAsync();

        var row = await VerificationRowAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.GaveUpAt, Is.Not.Null);
            Assert.That(row.Model, Is.Null, "a mail given up keeps no code");
            Assert.That(row.FailedAttempts, Is.EqualTo(1));
            Assert.That(row.LastError, Does.Contain("550"));
        }
    }

    [Test]
    public async Task PermanentRefusal_550ForTheRecipient_IsNotRetried()
    {
        Smtp.RejectRecipient(Email);
        await MailFlow.RegisterAsync(Client, Email);
        await SettleAsync();

        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await SettleAsync();

        Assert.That(Smtp.Refusals.Select(r => (r.Code, r.Command)), Is.EqualTo(new[] { (550, "RCPT") }));
        Assert.That((await VerificationRowAsync()).FailedAttempts, Is.EqualTo(1));
    }

    [Test]
    public async Task SmtpDown_For24Hours_GivesUpAndDeletesTheModel()
    {
        await Smtp.StopAsync();
        await MailFlow.RegisterAsync(Client, Email);
        await SettleAsync();

        // An hour at a time (the longest backoff), each due attempt failing, until the sender gives up.
        var row = await VerificationRowAsync();
        for (var hour = 0; hour < 30 && row.GaveUpAt is null; hour++)
        {
            Factory.Clock.Advance(TimeSpan.FromHours(1));
            await SettleAsync();
            row = await VerificationRowAsync();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.GaveUpAt, Is.Not.Null);
            Assert.That(row.GaveUpAt - row.QueuedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(24)), "retried for 24 hours");
            Assert.That(row.Model, Is.Null);
            Assert.That(row.SentAt, Is.Null);
            Assert.That(row.FailedAttempts, Is.GreaterThan(24), "15 s, 30 s, … then hourly");
        }
    }

    [Test]
    public async Task SmtpDown_ForLessThan24Hours_DeliversTheMailWhenItComesBack()
    {
        await Smtp.StopAsync();
        await MailFlow.RegisterAsync(Client, Email);
        await SettleAsync();
        for (var hour = 0; hour < 23; hour++)
        {
            Factory.Clock.Advance(TimeSpan.FromHours(1));
            await SettleAsync();
        }

        await Smtp.StartAgainAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(1)); // the hourly retry, 24 hours after the mail was queued
        await SettleAsync();

        await Smtp.WaitForMessageToAsync(Email, MailFlow.Arrival);
        Assert.That((await VerificationRowAsync()).SentAt, Is.Not.Null);
    }

    private static Task SettleAsync() => MailOutbox.SettleAsync(Factory.Services, ConnectionString);

    private static Task<OutboxRow> VerificationRowAsync() => MailOutbox.SingleAsync(ConnectionString, MailTemplates.VerifyEmail);
}
