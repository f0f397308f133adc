using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>disable_starttls and skip_ssl_verify are allowed (local relays, tests), and said at start.</summary>
public sealed class UnprotectedSmtpWarningTests
{
    private const string Warning = "cross the network unprotected";

    [Test]
    public async Task Start_WithSmtpWithoutTls_WarnsOnce()
    {
        await using var sink = await SmtpSink.StartAsync(); // smtp://…?disable_starttls=true

        var lines = await StartupLinesAsync(TestMail.SmtpSettings(sink));

        Assert.That(lines.Count(line => line.Contains(Warning, StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Start_WithAPickupFolder_DoesNotWarn()
    {
        var lines = await StartupLinesAsync(TestMail.PickupSettings);

        Assert.That(lines, Has.None.Contains(Warning));
    }

    private static async Task<IReadOnlyCollection<string>> StartupLinesAsync(IReadOnlyDictionary<string, string> settings)
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await IsolatedApp.StartAsync(settings, builder => builder
            .ConfigureLogging(logging => logging.AddProvider(capture)));
        using var ready = await app.Client.GetAsync("/health/live"); // the host, and its sender, have started
        await app.SettleAsync();
        return capture.Lines;
    }
}
