using System.Net;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Auth.Maintenance;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Mfa;

/// <summary>
/// docs/operations.md's rotation of JWT_SECRET, walked for the TOTP secrets it encrypts, on one database as restarts
/// would: enabled under the old secret, the API restarted with the new one and JWT_SECRET_PREVIOUS = the old still signs
/// in with the second factor, moving the secret to the new key as it does (or the maintenance step moves it); restarted
/// once more without the old secret, it still does. Each restarted app's clock is moved on a minute past the last, so
/// a code is never the one accepted before (no replay within its window).
/// </summary>
public sealed class TotpKeyRotationTests
{
    private const string OldSecret = "totp-rotation-old-secret-of-32-bytes!!";
    private const string NewSecret = "totp-rotation-new-secret-of-32-bytes!!";
    private const string ThirdSecret = "totp-rotation-some-other-secret-of-32-bytes";
    private const string UnreadableLine = "cannot be decrypted with the second factor's current or previous key";
    private const string ReencryptedLine =
        "Re-encrypted 1 TOTP secrets under the current key; 0 cannot be read with the current or previous key";

    private static readonly Dictionary<string, string> Before = new() { ["JWT_SECRET"] = OldSecret };
    private static readonly Dictionary<string, string> During = new() { ["JWT_SECRET"] = NewSecret, ["JWT_SECRET_PREVIOUS"] = OldSecret };
    private static readonly Dictionary<string, string> After = new() { ["JWT_SECRET"] = NewSecret };

    [Test]
    public async Task LoginMfa_DuringTheRotation_AcceptsTheCodeAndMovesTheSecretToTheNewKey()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        var account = await EnableAsync(before);
        var oldKeyId = await KeyIdAsync(before.Services);
        await using var during = Restart(before, During, minutesLater: 1);
        using var duringClient = during.CreateClient();
        await using var after = Restart(before, After, minutesLater: 2);
        using var afterClient = after.CreateClient();

        var signedInDuring = await MfaRotationClient.LoginWithTotpAsync(duringClient, account, during.Clock);
        var keyIdDuring = await KeyIdAsync(during.Services);
        var signedInAfter = await MfaRotationClient.LoginWithTotpAsync(afterClient, account, after.Clock);

        Assert.That(signedInDuring.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signedInDuring.Content.ReadAsStringAsync());
        Assert.That(keyIdDuring, Is.Not.EqualTo(oldKeyId), "re-encrypted at its use");
        Assert.That(signedInAfter.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signedInAfter.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Reencrypt_DuringTheRotation_MovesAnUnusedSecretSoTheOldSecretCanGo()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        var account = await EnableAsync(before);
        var (oldKeyId, acceptedStep) = await KeyIdAndStepAsync(before.Services);
        await using var during = Restart(before, During, minutesLater: 1);
        await using var after = Restart(before, After, minutesLater: 2);
        using var afterClient = after.CreateClient();

        var moved = await ReencryptAsync(during.Services);
        var (keyIdDuring, stepDuring) = await KeyIdAndStepAsync(during.Services);
        var again = await ReencryptAsync(during.Services);
        var signedInAfter = await MfaRotationClient.LoginWithTotpAsync(afterClient, account, after.Clock);

        Assert.That(moved, Is.EqualTo(new TotpReencryptionResult(Reencrypted: 1, Unreadable: 0)));
        Assert.That(keyIdDuring, Is.Not.EqualTo(oldKeyId));
        Assert.That(stepDuring, Is.EqualTo(acceptedStep), "the last accepted step is kept: no replay of the confirming code");
        Assert.That(again, Is.EqualTo(new TotpReencryptionResult(Reencrypted: 0, Unreadable: 0)), "nothing left to move");
        Assert.That(signedInAfter.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signedInAfter.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginMfa_WithARecoveryCodeIssuedBeforeTheRotation_AnswersTokens()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        var account = await EnableAsync(before);
        await using var during = Restart(before, During, minutesLater: 1);
        using var duringClient = during.CreateClient();

        var mfaToken = await duringClient.LoginForMfaTokenAsync();
        var signedIn = await duringClient.LoginMfaAsync(mfaToken, account.RecoveryCodes[0]);

        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signedIn.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginMfa_WithoutThePreviousSecret_AnswersInvalidCodeAndLogsOnceWithoutTheSecret()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        var account = await EnableAsync(before);
        var capture = new CapturingLoggerProvider();
        await using var restarted = Restart(before, After, minutesLater: 1);
        await using var logged = restarted.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = logged.CreateClient();
        var mfaToken = await client.LoginForMfaTokenAsync();
        var firstCode = account.CodeAt(restarted.Clock.GetUtcNow());
        restarted.Clock.Advance(TimeSpan.FromMinutes(1));
        var secondCode = account.CodeAt(restarted.Clock.GetUtcNow());

        var first = await client.LoginMfaAsync(mfaToken, firstCode);
        var second = await client.LoginMfaAsync(mfaToken, secondCode);

        await ProblemAssert.IsProblemAsync(first, HttpStatusCode.Unauthorized, "invalid_mfa_code");
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Assert.That(capture.Lines.Count(line => line.Contains(UnreadableLine, StringComparison.Ordinal)), Is.EqualTo(2),
            "one error per attempt");
        foreach (var leaked in new[] { account.Secret, firstCode, secondCode, mfaToken, OldSecret, NewSecret })
        {
            Assert.That(capture.Lines.Where(line => line.Contains(leaked, StringComparison.OrdinalIgnoreCase)), Is.Empty, leaked);
        }
    }

    [Test]
    public async Task Reencrypt_WithoutThePreviousSecret_CountsTheSecretUnreadableAndLeavesIt()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        await EnableAsync(before);
        var oldKeyId = await KeyIdAsync(before.Services);
        await using var restarted = Restart(before, After, minutesLater: 1);

        var moved = await ReencryptAsync(restarted.Services);

        Assert.That(moved, Is.EqualTo(new TotpReencryptionResult(Reencrypted: 0, Unreadable: 1)));
        Assert.That(await KeyIdAsync(restarted.Services), Is.EqualTo(oldKeyId), "left as it was");
    }

    [Test]
    public async Task Reencrypt_UnderAKeyNoOneConfigured_CountsItsRowsWithoutTryingAny()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        await EnableAsync(before, "ann@example.com");
        await EnableAsync(before, "bob@example.com");
        var capture = new CapturingLoggerProvider();
        await using var restarted = Restart(before, After, minutesLater: 1);
        await using var logged = restarted.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));

        var moved = await ReencryptAsync(logged.Services, batchSize: 1);

        Assert.That(moved, Is.EqualTo(new TotpReencryptionResult(Reencrypted: 0, Unreadable: 2)));
        Assert.That(capture.Lines.Count(line => line.Contains(UnreadableLine, StringComparison.Ordinal)), Is.Zero,
            "no row tried, so no error per row on every run of every instance: the job's line counts them");
    }

    [Test]
    public async Task Reencrypt_InBatchesOfOne_MovesEveryReadableSecretAndCountsTheUnreadableApart()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        await EnableAsync(before, "ann@example.com");
        await EnableAsync(before, "bob@example.com");
        await using var unknownKey = Restart(before, new Dictionary<string, string> { ["JWT_SECRET"] = ThirdSecret }, minutesLater: 1);
        using var unknownKeyClient = unknownKey.CreateClient();
        await MfaRotationClient.SaveUserWithMfaAsync(unknownKeyClient, unknownKey.Services, unknownKey.Clock, "carol@example.com");
        await using var during = Restart(before, During, minutesLater: 2);

        var moved = await ReencryptAsync(during.Services, batchSize: 1);

        Assert.That(moved, Is.EqualTo(new TotpReencryptionResult(Reencrypted: 2, Unreadable: 1)));
    }

    [Test]
    public async Task PurgeJob_DuringTheRotation_ReencryptsAndSaysHowMany()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        await EnableAsync(before);
        var oldKeyId = await KeyIdAsync(before.Services);
        var capture = new CapturingLoggerProvider();
        await using var restarted = Restart(before, new Dictionary<string, string>(During) { ["PURGE_INTERVAL_SECS"] = "60" },
            minutesLater: 1, runPurgeJob: true);
        await using var logged = restarted.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = logged.CreateClient(); // starts the app, and its timer

        for (var attempt = 0; attempt < 200 && !capture.Lines.Any(line => line.Contains(ReencryptedLine, StringComparison.Ordinal));
            attempt++)
        {
            // The job's timer may start after any given moment of the test: move the clock an interval on until it runs.
            restarted.Clock.Advance(TimeSpan.FromSeconds(60));
            await Task.Delay(50); // the job's run is its own, on the app's timer: wait for the line it logs last
        }

        Assert.That(capture.Lines, Has.Some.Contains(ReencryptedLine));
        Assert.That(await KeyIdAsync(logged.Services), Is.Not.EqualTo(oldKeyId));
    }

    [Test]
    public async Task LoginMfa_WithItsOwnKey_SurvivesJwtSecretReplacedOutright()
    {
        const string ownKey = "totp-rotation-own-mfa-key-of-32-bytes!!";
        await using var before = await IsolatedApp.StartAsync(new Dictionary<string, string>(Before) { ["MFA_ENCRYPTION_KEY"] = ownKey });
        var account = await EnableAsync(before);
        await using var replaced = Restart(before, new Dictionary<string, string>(After) { ["MFA_ENCRYPTION_KEY"] = ownKey },
            minutesLater: 1);
        using var client = replaced.CreateClient();

        var withCode = await MfaRotationClient.LoginWithTotpAsync(client, account, replaced.Clock);
        var withRecoveryCode = await client.LoginMfaAsync(await client.LoginForMfaTokenAsync(), account.RecoveryCodes[0]);

        Assert.That(withCode.StatusCode, Is.EqualTo(HttpStatusCode.OK), await withCode.Content.ReadAsStringAsync());
        Assert.That(withRecoveryCode.StatusCode, Is.EqualTo(HttpStatusCode.OK), await withRecoveryCode.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task LoginMfa_MovingToItsOwnKey_ReadsWhatJwtSecretEncrypted()
    {
        await using var before = await IsolatedApp.StartAsync(Before);
        var account = await EnableAsync(before);
        await using var moving = Restart(before, new Dictionary<string, string>(Before)
        {
            ["MFA_ENCRYPTION_KEY"] = ThirdSecret, ["MFA_ENCRYPTION_KEY_PREVIOUS"] = OldSecret,
        }, minutesLater: 1);
        using var client = moving.CreateClient();

        var signedIn = await MfaRotationClient.LoginWithTotpAsync(client, account, moving.Clock);
        var moved = await ReencryptAsync(moving.Services);

        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signedIn.Content.ReadAsStringAsync());
        Assert.That(moved, Is.EqualTo(new TotpReencryptionResult(Reencrypted: 0, Unreadable: 0)), "moved at its use already");
    }

    /// <summary>An account of the app's, with its TOTP on.</summary>
    private static Task<MfaAccount> EnableAsync(IsolatedApp app, string email = UserBuilder.DefaultEmail) =>
        MfaRotationClient.SaveUserWithMfaAsync(app.Client, app.Services, app.Clock, email);

    /// <summary>The app restarted on <paramref name="before"/>'s database with other settings, its clock moved on.</summary>
    private static TikiyaApiFactory Restart(IsolatedApp before, IReadOnlyDictionary<string, string> settings, int minutesLater,
        bool runPurgeJob = false)
    {
        var restarted = new TikiyaApiFactory(before.ConnectionString, settings, runPurgeJob);
        restarted.Clock.SetUtcNow(before.Clock.GetUtcNow() + TimeSpan.FromMinutes(minutesLater));
        return restarted;
    }

    /// <summary>One run of the maintenance step, as the background job sends it.</summary>
    private static async Task<TotpReencryptionResult> ReencryptAsync(IServiceProvider services,
        int batchSize = ReencryptTotpSecretsCommand.DefaultBatchSize)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReencryptTotpSecretsCommand(batchSize));
    }

    private static async Task<byte[]> KeyIdAsync(IServiceProvider services) => (await KeyIdAndStepAsync(services)).KeyId;

    private static async Task<(byte[] KeyId, long? LastAcceptedStep)> KeyIdAndStepAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().TotpAuthenticators.AsNoTracking()
            .Select(a => new { a.KeyId, a.LastAcceptedStep }).SingleAsync();
        return (row.KeyId, row.LastAcceptedStep);
    }
}
