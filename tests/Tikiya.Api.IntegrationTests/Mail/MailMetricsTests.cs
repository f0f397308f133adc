using System.Globalization;
using System.Text.RegularExpressions;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// The outbox at /metrics (on the management port), as Prometheus reads it (docs/operations.md: the oldest unsent mail's age is the one to alert
/// on). Each test has an app of its own, so the counters start at zero and their values are exact.
/// </summary>
public sealed partial class MailMetricsTests
{
    private const string Email = "olivia@example.com";

    [Test]
    public async Task Metrics_AfterAMailIsSent_CountItQueuedAndSent()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await IsolatedApp.StartAsync(TestMail.SmtpSettings(sink));
        await MailFlow.RegisterAsync(app.Client, Email);
        await sink.WaitForMessageToAsync(Email, MailFlow.Arrival);
        await app.SettleAsync(); // the mail recorded as sent, and the gauge read again

        var metrics = await app.Management.GetStringAsync("/metrics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Value(metrics, "tikiya_mail_queued_total"), Is.EqualTo(1), metrics);
            Assert.That(Value(metrics, "tikiya_mail_sent_total"), Is.EqualTo(1));
            Assert.That(Value(metrics, "tikiya_mail_outbox_oldest_unsent_age_seconds"), Is.Zero, "nothing left unsent");
        }
    }

    [Test]
    public async Task Metrics_WhileAMailWaitsForSmtp_ShowItsAgeAndTheFailedAttempts()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await IsolatedApp.StartAsync(TestMail.SmtpSettings(sink));
        await sink.StopAsync();
        await MailFlow.RegisterAsync(app.Client, Email);
        await app.SettleAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await app.SettleAsync();
        var metrics = await app.Management.GetStringAsync("/metrics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Value(metrics, "tikiya_mail_outbox_oldest_unsent_age_seconds"), Is.EqualTo(600).Within(1), metrics);
            Assert.That(Value(metrics, "tikiya_mail_attempts_failed_total"), Is.EqualTo(2), "at once, then the retry");
        }
    }

    [Test]
    public async Task Metrics_AfterAMailIsGivenUp_CountItFailed()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await IsolatedApp.StartAsync(TestMail.SmtpSettings(sink));
        sink.RejectRecipient(Email);
        await MailFlow.RegisterAsync(app.Client, Email);
        await app.SettleAsync();

        var metrics = await app.Management.GetStringAsync("/metrics");

        Assert.That(Value(metrics, "tikiya_mail_failed_total"), Is.EqualTo(1), metrics);
    }

    /// <summary>The value of the series named <paramref name="name"/>, which must be exported once.</summary>
    private static double Value(string metrics, string name)
    {
        var values = SeriesLine().Matches(metrics).Where(match => match.Groups["name"].Value == name)
            .Select(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.That(values, Has.Count.EqualTo(1), $"one {name} series");
        return values[0];
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (?<value>[^ \n]+)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SeriesLine();
}
