using System.Net;
using System.Text.RegularExpressions;
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
    public async Task MfaFlow_AtTraceLevel_LogsNoSecretCodeOrToken()
    {
        const string ownKey = "an-mfa-encryption-key-nobody-may-read-32-bytes";
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Trace")
            .UseSetting("MFA_ENCRYPTION_KEY", ownKey)
            .ConfigureLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));
        using var client = app.CreateClient();
        var now = () => Factory.Clock.GetUtcNow();

        var session = await client.SaveUserAndLoginAsync(Factory.Services);
        var enrolment = await client.EnrolTotpOkAsync(session.AccessToken);
        var confirmingCode = Rfc6238.CodeAt(enrolment.Secret, now());
        var recoveryCodes = await MfaClient.RecoveryCodesOkAsync(await client.ConfirmTotpAsync(session.AccessToken, confirmingCode));
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var mfaToken = await client.LoginForMfaTokenAsync();
        await client.LoginMfaAsync(mfaToken, "abcd-efgh-jkmn");
        var loginCode = Rfc6238.CodeAt(enrolment.Secret, now());
        var signedIn = await client.LoginMfaOkAsync(mfaToken, loginCode);
        await client.LoginMfaOkAsync(await client.LoginForMfaTokenAsync(), recoveryCodes[0]);
        var fresh = await MfaClient.RecoveryCodesOkAsync(await client.ReplaceRecoveryCodesAsync(signedIn.AccessToken, recoveryCodes[1]));
        await client.DisableTotpAsync(signedIn.AccessToken, fresh[0]);

        Assert.That(capture.Lines, Has.Some.Contains("switched two-step sign-in off"), "the capture sees the app's lines");
        var secrets = new List<string> { enrolment.Secret, enrolment.OtpauthUri, mfaToken, signedIn.DeviceToken!, ownKey };
        secrets.AddRange(recoveryCodes.Concat(fresh));
        secrets.AddRange(recoveryCodes.Select(code => code.Replace("-", "", StringComparison.Ordinal)));
        foreach (var secret in secrets)
        {
            Assert.That(capture.Lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)), Is.Empty, secret);
        }

        // Six digits may stand inside an id or a number by chance: a code counts only as a number of its own.
        foreach (var code in new[] { confirmingCode, loginCode })
        {
            Assert.That(capture.Lines.Where(line => Regex.IsMatch(line, $@"(?<![0-9A-Za-z]){code}(?![0-9A-Za-z])")), Is.Empty, code);
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
