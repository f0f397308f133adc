using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Mail;

/// <summary>
/// The published binary, killed with SIGKILL right after it answered (API.md v1.1: a mail whose request was answered is
/// sent even if the process is killed right after). The processes run on the real clock, on a database of this test's.
/// </summary>
public sealed class ProcessCrashTests : OwnDatabaseTest
{
    private const string Email = "lucas@example.com";

    /// <summary>Another process sends: up to the first retry (15 s) and a poll (5 s), on the real clock.</summary>
    private static readonly TimeSpan OtherProcessArrival = TimeSpan.FromSeconds(60);

    [Test]
    public async Task ForgotPassword_ProcessKilledRightAfter202_ResetMailIsSentByTheNextProcess()
    {
        await using var sink = await SmtpSink.StartAsync();
        await sink.StopAsync(); // nothing can go out before the kill
        await using (var first = await RunningApi.StartAsync(Database, TestMail.SmtpSettings(sink)))
        {
            await MailFlow.RegisterAsync(first.Client, Email);
            await MailFlow.ForgotPasswordAsync(first.Client, Email);
            await first.KillAsync();
        }

        await sink.StartAgainAsync();
        await using var second = await RunningApi.StartAsync(Database, TestMail.SmtpSettings(sink));

        var reset = await sink.WaitForMessageAsync(m => MailFlow.IsReset(m, Email), OtherProcessArrival);
        Assert.That(SentMail.Code(reset), Does.Match("^[0-9]{6}$"));
        Assert.That(SentMail.LinkToken(reset), Is.Not.Empty);
    }
}
