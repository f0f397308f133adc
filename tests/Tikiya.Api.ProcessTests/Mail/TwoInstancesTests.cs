using System.Diagnostics;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Mail;

/// <summary>
/// Two processes of the published binary on one database, both sending the one outbox (API.md v1.1: two instances never
/// send the same mail twice). Each claims mails with FOR UPDATE SKIP LOCKED; the sink counts what arrives.
/// </summary>
public sealed class TwoInstancesTests : OwnDatabaseTest
{
    private const int Users = 30;

    [Test]
    public async Task ManyMails_QueuedThroughTwoInstances_EachArrivesExactlyOnce()
    {
        await using var sink = await SmtpSink.StartAsync();
        // Both instances hash every registration at once on a machine the test shares: they may wait for their turn
        // longer than the default 2 s, and a 503 would say nothing about the outbox this test is about.
        var settings = new Dictionary<string, string>(TestMail.SmtpSettings(sink)) { ["PASSWORD_HASHING_WAIT_MS"] = "30000" };
        await using var first = await RunningApi.StartAsync(Database, settings);
        await using var second = await RunningApi.StartAsync(Database, settings);
        string[] emails = [.. Enumerable.Range(0, Users).Select(i => $"user{i:00}@example.com")];
        HttpClient Through(int i) => i % 2 == 0 ? first.Client : second.Client;

        await Task.WhenAll(emails.Select((email, i) => MailFlow.RegisterAsync(Through(i), email)));
        await Task.WhenAll(emails.Select((email, i) => MailFlow.ForgotPasswordAsync(Through(i + 1), email)));
        await WaitUntilEverythingIsSentAsync();

        var received = sink.Received;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received, Has.Count.EqualTo(2 * Users), "a verification and a reset mail for each user");
            Assert.That(received.Select(mail => mail.Message.MessageId), Is.Unique);
            Assert.That(SentBy(first) + SentBy(second), Is.EqualTo(2 * Users), "each mail logged as sent once");
            Assert.That(SentBy(first), Is.Positive, "the first instance sent some: the work was shared");
            Assert.That(SentBy(second), Is.Positive, "the second instance sent some");
            foreach (var email in emails)
            {
                Assert.That(received.Count(mail => MailFlow.IsVerification(mail.Message, email)), Is.EqualTo(1), email);
                Assert.That(received.Count(mail => MailFlow.IsReset(mail.Message, email)), Is.EqualTo(1), email);
            }
        }
    }

    private static int SentBy(RunningApi api) =>
        api.Output.Split('\n').Count(line => line.Contains("(verify-email) sent", StringComparison.Ordinal)
            || line.Contains("(reset-password) sent", StringComparison.Ordinal));

    /// <summary>
    /// The senders are other processes on the real clock, with nothing to await in this one: the database is polled,
    /// bounded, until no mail and no request is left; once a mail is marked sent, nobody sends it again.
    /// </summary>
    private async Task WaitUntilEverythingIsSentAsync()
    {
        var waited = Stopwatch.StartNew();
        while (await MailOutbox.CountUnfinishedAsync(Database) > 0)
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the two instances sent everything in time");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
