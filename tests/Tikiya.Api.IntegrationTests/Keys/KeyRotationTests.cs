using System.Net;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Keys;

/// <summary>
/// docs/operations.md's rotations, walked on one database as a restart would: the API restarted with the new key and
/// the old one kept for verification accepts the tokens signed before, until they expire, and signs with the new key;
/// restarted once more without the old key, it refuses them.
/// </summary>
public sealed class KeyRotationTests
{
    private const string OldSecret = "rotation-tests-old-secret-of-32-bytes!!";
    private const string NewSecret = "rotation-tests-new-secret-of-32-bytes!!";

    [Test]
    public async Task Hs256Rotation_WithJwtSecretPrevious_KeepsOldTokensUntilTheOldSecretGoes()
    {
        await using var before = await IsolatedApp.StartAsync(new Dictionary<string, string> { ["JWT_SECRET"] = OldSecret });
        var signedBefore = (await before.Client.SaveUserAndLoginAsync(before.Services)).AccessToken;

        await WalkRotationAsync(before,
            during: new Dictionary<string, string> { ["JWT_SECRET"] = NewSecret, ["JWT_SECRET_PREVIOUS"] = OldSecret },
            after: new Dictionary<string, string> { ["JWT_SECRET"] = NewSecret },
            signedBefore);
    }

    [Test]
    public async Task Es256Rotation_WithTheOldKeyForVerification_KeepsOldTokensUntilTheOldKeyGoes()
    {
        using var keys = new TestKeyFiles();
        var oldKey = keys.PrivateKey();
        var newKey = keys.PrivateKey();
        await using var before = await IsolatedApp.StartAsync(Es256(oldKey));
        var signedBefore = (await before.Client.SaveUserAndLoginAsync(before.Services)).AccessToken;

        await WalkRotationAsync(before,
            during: new Dictionary<string, string>(Es256(newKey)) { ["JWT_VERIFICATION_KEY_FILES"] = keys.PublicKeyOf(oldKey) },
            after: Es256(newKey),
            signedBefore);
    }

    private static async Task WalkRotationAsync(IsolatedApp before, IReadOnlyDictionary<string, string> during,
        IReadOnlyDictionary<string, string> after, string signedBefore)
    {
        await using var restarted = new TikiyaApiFactory(before.ConnectionString, during);
        using var duringClient = restarted.CreateClient();
        await using var restartedAgain = new TikiyaApiFactory(before.ConnectionString, after);
        using var afterClient = restartedAgain.CreateClient();

        var oldTokenDuring = await duringClient.MeAsync(signedBefore);
        var signedDuring = (await duringClient.LoginOkAsync()).AccessToken;
        var oldTokenAfter = await afterClient.MeAsync(signedBefore);
        var newTokenAfter = await afterClient.MeAsync(signedDuring);
        restarted.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31)); // the default lifetime and the skew
        var oldTokenExpired = await duringClient.MeAsync(signedBefore);

        Assert.That(oldTokenDuring.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed before the rotation, still accepted");
        Assert.That(oldTokenExpired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "until it expires");
        Assert.That(newTokenAfter.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed with the new key");
        Assert.That(oldTokenAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old key removed");
    }

    private static Dictionary<string, string> Es256(string signingKeyFile) => new()
    {
        ["JWT_ALGORITHM"] = "ES256",
        ["JWT_SIGNING_KEY_FILE"] = signingKeyFile,
    };
}
