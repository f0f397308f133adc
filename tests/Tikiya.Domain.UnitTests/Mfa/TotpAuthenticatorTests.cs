using Tikiya.Domain.Mfa;

namespace Tikiya.Domain.UnitTests.Mfa;

public sealed class TotpAuthenticatorTests
{
    private static readonly DateTimeOffset Enrolled = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EncryptedSecret Secret = new([1, 2, 3], [9, 9]);

    [TestCase(0L, 0L)]
    [TestCase(29L, 0L)]
    [TestCase(30L, 1L)]
    [TestCase(59L, 1L)]
    [TestCase(1_111_111_109L, 37_037_036L)] // RFC 6238 appendix B's times and their counters (T)
    [TestCase(1_234_567_890L, 41_152_263L)]
    [TestCase(20_000_000_000L, 666_666_666L)]
    public void StepAt_IsUnixTimeOverThirtySeconds(long unixSeconds, long step)
    {
        Assert.That(TotpAuthenticator.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), Is.EqualTo(step));
    }

    [Test]
    public void Enrol_IsPendingWithTheSecretAndNoStep()
    {
        var userId = Guid.NewGuid();

        var authenticator = TotpAuthenticator.Enrol(userId, Secret, Enrolled);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(authenticator.UserId, Is.EqualTo(userId));
            Assert.That(authenticator.SecretCiphertext, Is.EqualTo(Secret.Ciphertext));
            Assert.That(authenticator.KeyId, Is.EqualTo(Secret.KeyId));
            Assert.That(authenticator.CreatedAt, Is.EqualTo(Enrolled));
            Assert.That(authenticator.IsConfirmed, Is.False);
            Assert.That(authenticator.ConfirmedAt, Is.Null);
            Assert.That(authenticator.LastAcceptedStep, Is.Null);
        }
    }

    [Test]
    public void MayAccept_BeforeAnyCode_AcceptsAnyStep()
    {
        var authenticator = Pending();

        Assert.That(authenticator.MayAccept(0), Is.True);
        Assert.That(authenticator.MayAccept(TotpAuthenticator.StepAt(Enrolled)), Is.True);
    }

    [Test]
    public void MayAccept_AfterAStep_AcceptsOnlyLaterSteps()
    {
        var authenticator = Pending();
        authenticator.Accept(100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(authenticator.MayAccept(99), Is.False, "an earlier step");
            Assert.That(authenticator.MayAccept(100), Is.False, "the same step: a replay within its window");
            Assert.That(authenticator.MayAccept(101), Is.True);
        }
    }

    [Test]
    public void Accept_KeepsTheStep()
    {
        var authenticator = Pending();

        authenticator.Accept(100);

        Assert.That(authenticator.LastAcceptedStep, Is.EqualTo(100));
    }

    [Test]
    public void Accept_OfTheSameStepTwice_ThrowsAndKeepsTheStep()
    {
        var authenticator = Pending();
        authenticator.Accept(100);

        Assert.That(() => authenticator.Accept(100), Throws.InvalidOperationException);
        Assert.That(authenticator.LastAcceptedStep, Is.EqualTo(100));
    }

    [Test]
    public void Accept_OfAnEarlierStep_Throws()
    {
        var authenticator = Pending();
        authenticator.Accept(100);

        Assert.That(() => authenticator.Accept(99), Throws.InvalidOperationException);
    }

    [Test]
    public void Confirm_SetsConfirmedAtAndTheStep()
    {
        var authenticator = Pending();
        var now = Enrolled.AddMinutes(2);

        authenticator.Confirm(TotpAuthenticator.StepAt(now), now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(authenticator.IsConfirmed, Is.True);
            Assert.That(authenticator.ConfirmedAt, Is.EqualTo(now));
            Assert.That(authenticator.LastAcceptedStep, Is.EqualTo(TotpAuthenticator.StepAt(now)));
        }
    }

    [Test]
    public void Confirm_WithAnAcceptedStep_ThrowsAndStaysPending()
    {
        var authenticator = Pending();
        authenticator.Accept(100);

        Assert.That(() => authenticator.Confirm(100, Enrolled), Throws.InvalidOperationException);
        Assert.That(authenticator.IsConfirmed, Is.False);
    }

    [Test]
    public void Restart_WhenConfirmed_IsRefusedAndChangesNothing()
    {
        var authenticator = Pending();
        authenticator.Confirm(100, Enrolled);

        Assert.That(() => authenticator.Restart(new EncryptedSecret([4], [5]), Enrolled.AddHours(1)), Throws.InvalidOperationException);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(authenticator.SecretCiphertext, Is.EqualTo(Secret.Ciphertext));
            Assert.That(authenticator.CreatedAt, Is.EqualTo(Enrolled));
            Assert.That(authenticator.LastAcceptedStep, Is.EqualTo(100));
        }
    }

    [Test]
    public void Restart_WhenPending_ReplacesTheSecretAndStartsAgain()
    {
        var authenticator = Pending();
        authenticator.Accept(100);
        var restarted = Enrolled.AddHours(1);

        authenticator.Restart(new EncryptedSecret([4], [5]), restarted);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(authenticator.SecretCiphertext, Is.EqualTo(new byte[] { 4 }));
            Assert.That(authenticator.KeyId, Is.EqualTo(new byte[] { 5 }));
            Assert.That(authenticator.CreatedAt, Is.EqualTo(restarted));
            Assert.That(authenticator.LastAcceptedStep, Is.Null);
            Assert.That(authenticator.MayAccept(100), Is.True, "the new secret's codes owe nothing to the old one's");
            Assert.That(authenticator.IsConfirmed, Is.False);
        }
    }

    [Test]
    public void ReplaceSecret_WhenConfirmed_KeepsItConfirmedAndItsStep()
    {
        var authenticator = Pending();
        authenticator.Confirm(100, Enrolled);

        authenticator.ReplaceSecret(new EncryptedSecret([4], [5]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(authenticator.SecretCiphertext, Is.EqualTo(new byte[] { 4 }));
            Assert.That(authenticator.KeyId, Is.EqualTo(new byte[] { 5 }));
            Assert.That(authenticator.ConfirmedAt, Is.EqualTo(Enrolled));
            Assert.That(authenticator.LastAcceptedStep, Is.EqualTo(100));
        }
    }

    private static TotpAuthenticator Pending() => TotpAuthenticator.Enrol(Guid.NewGuid(), Secret, Enrolled);
}
