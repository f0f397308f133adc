using Tikiya.Domain.Mfa;

namespace Tikiya.Domain.UnitTests.Mfa;

public sealed class MfaChallengeTests
{
    private static readonly DateTimeOffset Opened = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Open_ExpiresFiveMinutesLater()
    {
        var challenge = Open([1, 2, 3]);

        Assert.That(challenge.CreatedAt, Is.EqualTo(Opened));
        Assert.That(challenge.ExpiresAt, Is.EqualTo(Opened.AddMinutes(5)));
    }

    [Test]
    public void Open_KeepsWhatTheSecondStepNeeds()
    {
        var userId = Guid.NewGuid();
        var deviceTokenId = Guid.NewGuid();
        byte[] tokenHash = [1, 2, 3];
        byte[] passwordStamp = [4, 5];

        var challenge = MfaChallenge.Open(userId, tokenHash, passwordStamp, deviceTokenId, "Ann's phone", Opened);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(challenge.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(challenge.UserId, Is.EqualTo(userId));
            Assert.That(challenge.TokenHash, Is.EqualTo(tokenHash));
            Assert.That(challenge.PasswordStamp, Is.EqualTo(passwordStamp));
            Assert.That(challenge.DeviceTokenId, Is.EqualTo(deviceTokenId));
            Assert.That(challenge.DeviceName, Is.EqualTo("Ann's phone"));
        }
    }

    [Test]
    public void Named_WhileItLives_FindsItByItsHash()
    {
        byte[] tokenHash = [1, 2, 3];
        var challenge = Open(tokenHash);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MfaChallenge.Named(tokenHash, Opened).Compile()(challenge), Is.True);
            Assert.That(MfaChallenge.Named(tokenHash, challenge.ExpiresAt.AddTicks(-1)).Compile()(challenge), Is.True);
            Assert.That(MfaChallenge.Named([7, 7, 7], Opened).Compile()(challenge), Is.False, "another token's hash");
        }
    }

    [Test]
    public void Named_FromItsExpiry_FindsNothing()
    {
        byte[] tokenHash = [1, 2, 3];
        var challenge = Open(tokenHash);

        Assert.That(MfaChallenge.Named(tokenHash, challenge.ExpiresAt).Compile()(challenge), Is.False);
    }

    [Test]
    public void ExpiredAt_MatchesFromItsExpiry_WhenNamedNoLongerDoes()
    {
        var challenge = Open([1, 2, 3]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MfaChallenge.ExpiredAt(challenge.ExpiresAt.AddTicks(-1)).Compile()(challenge), Is.False);
            Assert.That(MfaChallenge.ExpiredAt(challenge.ExpiresAt).Compile()(challenge), Is.True);
        }
    }

    private static MfaChallenge Open(byte[] tokenHash) => MfaChallenge.Open(Guid.NewGuid(), tokenHash, [4, 5], null, null, Opened);
}
