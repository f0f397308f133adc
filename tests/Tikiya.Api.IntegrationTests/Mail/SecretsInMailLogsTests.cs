using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// The mail path logs ids and templates, never what a mail carries (STYLE.md §5): no code, link token, password or
/// address in any line, at any level, through sending, failing and retrying.
/// </summary>
public sealed class SecretsInMailLogsTests
{
    private const string Email = "sophia.secret@example.com";
    private const string Password = "a password no log may hold";

    [Test]
    public async Task MailFlow_AtTraceLevel_LogsNoCodeTokenPasswordOrAddress()
    {
        var capture = new CapturingLoggerProvider();
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await IsolatedApp.StartAsync(TestMail.SmtpSettings(sink), builder => builder
            .UseSetting("Logging:LogLevel:Default", "Trace")
            .ConfigureLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));

        await MailFlow.RegisterAsync(app.Client, Email, Password);
        var verification = await sink.WaitForMessageAsync(m => MailFlow.IsVerification(m, Email), MailFlow.Arrival);
        await sink.StopAsync(); // the reset mail fails first: the failure and the retry are logged too
        await MailFlow.ForgotPasswordAsync(app.Client, Email);
        await app.SettleAsync();
        await sink.StartAgainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.SettleAsync();
        var reset = await sink.WaitForMessageAsync(m => MailFlow.IsReset(m, Email), MailFlow.Arrival);

        Assert.That(capture.Lines, Has.Some.Contains("(verify-email) sent"), "the capture sees the sender's lines");
        Assert.That(capture.Lines, Has.Some.Contains("(reset-password) failed, attempt 1"));
        Assert.That(capture.Lines, Has.Some.Contains("(reset-password) sent"));
        var secrets = new[]
        {
            SentMail.Code(verification), SentMail.LinkToken(verification), Uri.EscapeDataString(SentMail.LinkToken(verification)),
            SentMail.Code(reset), SentMail.LinkToken(reset), Uri.EscapeDataString(SentMail.LinkToken(reset)),
            Password, Email, "sophia.secret",
        };
        foreach (var secret in secrets)
        {
            Assert.That(capture.Lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)), Is.Empty, secret);
        }
    }
}
