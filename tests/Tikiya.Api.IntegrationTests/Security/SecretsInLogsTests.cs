using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Security;

/// <summary>No password, token, secret or email in any log line, at any level (API.md; STYLE.md §5).</summary>
public sealed class SecretsInLogsTests : ApiTest
{
    [Test]
    public async Task WholeFlow_AtTraceLevel_LogsNoSecret()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Trace")
            .ConfigureLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));
        using var client = app.CreateClient();
        const string email = "secret.person@example.com";
        const string password = "a password nobody may read";

        var login = await client.RegisterAndLoginAsync(email, password);
        var refreshed = await client.RefreshAsync(login.RefreshToken);
        await client.RefreshAsync(login.RefreshToken); // reuse: logged as a warning
        await client.LoginAsync(email, "a wrong password nobody may read");
        await client.LoginAsync("unknown.person@example.com", password);
        await client.MeAsync(login.AccessToken);
        await client.LogoutAsync(login.RefreshToken);

        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(capture.Lines, Has.Some.Contains("Login failed (WrongPassword) for email"), "the capture sees the app's lines");
        Assert.That(capture.Lines, Has.Some.Contains("Login failed (UnknownUser) for email"));
        Assert.That(capture.Lines, Has.Some.Contains("was presented again; the session is revoked"));
        var secrets = new[]
        {
            password, "a wrong password", email, "unknown.person", login.RefreshToken, login.AccessToken,
            login.AccessToken.Split('.')[2], TikiyaApiFactory.JwtSecret,
        };
        foreach (var secret in secrets)
        {
            Assert.That(capture.Lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)), Is.Empty, secret);
        }
    }

    [Test]
    public async Task Es256Flow_AtTraceLevel_LogsNoKey()
    {
        using var keys = new TestKeyFiles();
        var signingKey = keys.PrivateKey();
        var verificationKey = keys.PrivateKey();
        var capture = new CapturingLoggerProvider();
        await using var app = await IsolatedApp.StartAsync(new Dictionary<string, string>
        {
            ["JWT_ALGORITHM"] = "ES256",
            ["JWT_SIGNING_KEY_FILE"] = signingKey,
            ["JWT_VERIFICATION_KEY_FILES"] = verificationKey,
            ["Logging:LogLevel:Default"] = "Trace",
        }, b => b.ConfigureLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));

        var login = await app.Client.SaveUserAndLoginAsync(app.Services);
        await app.Client.MeAsync(login.AccessToken);
        await app.Client.GetAsync("/.well-known/jwks.json");

        Assert.That(capture.Lines, Has.Some.Contains(signingKey), "the start-up log names the file");
        var keyLines = File.ReadAllLines(signingKey).Concat(File.ReadAllLines(verificationKey)).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        foreach (var secret in keyLines)
        {
            Assert.That(capture.Lines.Where(line => line.Contains(secret, StringComparison.Ordinal)), Is.Empty, secret);
        }
    }

    [Test]
    public async Task StartUp_WithJwtSecretPrevious_LogsItMasked()
    {
        const string previous = "a-former-secret-nobody-may-read-32-bytes";
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b
            .UseSetting("JWT_SECRET_PREVIOUS", previous)
            .ConfigureLogging(logging => logging.AddProvider(capture)));

        using var client = app.CreateClient();

        Assert.That(capture.Lines, Has.Some.Contains("JWT_SECRET_PREVIOUS"), "the effective configuration lists it");
        Assert.That(capture.Lines.Where(line => line.Contains(previous, StringComparison.Ordinal)), Is.Empty);
    }
}
