using System.Security.Cryptography;
using System.Text;
using System.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Tikiya.Domain.Mfa;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>
/// TOTP secrets: codes checked against the tests' own RFC 6238 (<see cref="Rfc6238"/>), never against Otp.NET, and
/// the secrets sealed with AES-256-GCM under a key derived from JWT_SECRET (HKDF, purpose "tikiya/totp-secret/v1") and
/// bound to their account. The format is spelled out here as well, so that no change to it can leave the stored rows
/// unreadable unnoticed.
/// </summary>
public sealed class TotpSecretsTests
{
    private const string SecretA = "totp-secrets-tests-secret-a-of-32-bytes!";
    private const string SecretB = "totp-secrets-tests-secret-b-of-32-bytes!";
    private const string OwnKey = "totp-secrets-tests-own-mfa-key-of-32-bytes";
    private const int NonceBytes = 12;
    private static readonly byte[] Purpose = "tikiya/totp-secret/v1"u8.ToArray();

    // RFC 6238 appendix B's time 1111111109: its step's code is 081804 (the six digits of 07081804).
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_109);
    private static readonly long CurrentStep = Rfc6238.StepAt(Now);
    private static readonly Guid UserId = Guid.Parse("0192b7e4-5c3a-7d10-9e2f-4a6b8c0d1e2f");

    [TestCaseSource(typeof(Rfc6238), nameof(Rfc6238.AppendixB))]
    public void MatchStep_WithAppendixBVector_GivesItsStep(long unixSeconds, string code)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        var step = Secrets().MatchStep(UserId, AppendixBSecretOf(UserId), code[^6..], at, _ => true); // six digits: mod 10^6

        Assert.That(step, Is.EqualTo(unixSeconds / Rfc6238.StepSeconds));
    }

    [Test]
    public void Create_Gives160RandomBitsSealedForTheAccountUnderTheCurrentKey()
    {
        var secrets = Secrets();

        var created = secrets.Create(UserId, "ann@example.com");

        var secret = Rfc6238.DecodeBase32(created.Base32);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret, Has.Length.EqualTo(20), "RFC 4226's length for SHA-1");
            Assert.That(created.Stored.KeyId, Is.EqualTo(secrets.CurrentKeyId).And.EqualTo(KeyIdOf(SecretA)));
            Assert.That(Open(SecretA, UserId, created.Stored), Is.EqualTo(secret));
        }
    }

    [Test]
    public void Create_Twice_GivesTwoSecretsAndTwoNonces()
    {
        var secrets = Secrets();

        var first = secrets.Create(UserId, "ann@example.com");
        var second = secrets.Create(UserId, "ann@example.com");

        Assert.That(second.Base32, Is.Not.EqualTo(first.Base32));
        Assert.That(second.Stored.Ciphertext[..NonceBytes], Is.Not.EqualTo(first.Stored.Ciphertext[..NonceBytes]));
    }

    [Test]
    public void MatchStep_WithTheCodeOfACreatedSecret_GivesTheCurrentStep()
    {
        var secrets = Secrets();
        var created = secrets.Create(UserId, "ann@example.com");
        var secret = Rfc6238.DecodeBase32(created.Base32);
        Assume.That(Rfc6238.Code(secret, CurrentStep - 1), Is.Not.EqualTo(Rfc6238.Code(secret, CurrentStep)),
            "one random secret in 10^6 has the same code for two steps in a row");

        var step = secrets.MatchStep(UserId, created.Stored, Rfc6238.CodeAt(secret, Now), Now, _ => true);

        Assert.That(step, Is.EqualTo(CurrentStep));
    }

    [TestCase(-1)]
    [TestCase(0)]
    [TestCase(1)]
    public void MatchStep_WithTheCodeOfAStepInTheWindow_GivesThatStep(int drift)
    {
        var code = Rfc6238.Code(Rfc6238.AppendixBSecret, CurrentStep + drift);

        var step = Secrets().MatchStep(UserId, AppendixBSecretOf(UserId), code, Now, _ => true);

        Assert.That(step, Is.EqualTo(CurrentStep + drift));
    }

    [TestCase(-2)]
    [TestCase(2)]
    public void MatchStep_WithTheCodeOfAStepOutsideTheWindow_GivesNull(int drift)
    {
        var code = Rfc6238.Code(Rfc6238.AppendixBSecret, CurrentStep + drift);

        var step = Secrets().MatchStep(UserId, AppendixBSecretOf(UserId), code, Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [Test]
    public void MatchStep_WithTheCodeOfAStepMayAcceptRefuses_GivesNull()
    {
        var code = Rfc6238.CodeAt(Rfc6238.AppendixBSecret, Now);
        var asked = new List<long>();

        var step = Secrets().MatchStep(UserId, AppendixBSecretOf(UserId), code, Now, s =>
        {
            asked.Add(s);
            return s > CurrentStep; // as TotpAuthenticator.MayAccept once this step was accepted
        });

        Assert.That(step, Is.Null);
        Assert.That(asked, Does.Contain(CurrentStep), "the step was matched, then refused");
    }

    [Test]
    public void MatchStep_WithAStepMayAcceptRefusesAndALaterOneItAllows_GivesTheLaterOne()
    {
        var code = Rfc6238.Code(Rfc6238.AppendixBSecret, CurrentStep + 1);

        var step = Secrets().MatchStep(UserId, AppendixBSecretOf(UserId), code, Now, s => s > CurrentStep);

        Assert.That(step, Is.EqualTo(CurrentStep + 1));
    }

    [TestCase("081805")] // last digit off
    [TestCase("000000")]
    [TestCase("81804")] // five digits
    [TestCase("0818040")] // seven digits
    [TestCase("07081804")] // the eight-digit code
    [TestCase("")]
    [TestCase("081 804")] // spaces: the caller strips them
    [TestCase(" 081804")] // a leading space
    public void MatchStep_WithAWrongCode_GivesNull(string code)
    {
        Assume.That(Enumerable.Range(-1, 3).Select(d => Rfc6238.Code(Rfc6238.AppendixBSecret, CurrentStep + d)), Has.None.EqualTo(code));

        var step = Secrets().MatchStep(UserId, AppendixBSecretOf(UserId), code, Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [TestCase(0)] // nonce
    [TestCase(NonceBytes)] // encrypted secret
    [TestCase(-1)] // tag
    public void MatchStep_WithATamperedCiphertext_GivesNull(int index)
    {
        var stored = AppendixBSecretOf(UserId);
        var tampered = stored.Ciphertext.ToArray();
        tampered[index < 0 ? tampered.Length + index : index] ^= 0x01;

        var step = Secrets().MatchStep(UserId, stored with { Ciphertext = tampered }, Rfc6238.CodeAt(Rfc6238.AppendixBSecret, Now), Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [Test]
    public void MatchStep_WithATruncatedCiphertext_GivesNull()
    {
        var stored = AppendixBSecretOf(UserId);

        var step = Secrets().MatchStep(UserId, stored with { Ciphertext = stored.Ciphertext[..28] }, Rfc6238.CodeAt(Rfc6238.AppendixBSecret, Now), Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [Test]
    public void MatchStep_WithAnotherAccountsCiphertext_GivesNull()
    {
        var secrets = Secrets();
        var ofUserA = secrets.Create(UserId, "ann@example.com");

        var step = secrets.MatchStep(Guid.NewGuid(), ofUserA.Stored, CodeOf(ofUserA), Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [Test]
    public void MatchStep_WithAnUnknownKeyId_GivesNull()
    {
        var stored = AppendixBSecretOf(UserId);

        var step = Secrets().MatchStep(UserId, stored with { KeyId = new byte[8] }, Rfc6238.CodeAt(Rfc6238.AppendixBSecret, Now), Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [Test]
    public void MatchStep_AfterARotation_MatchesASecretOfThePreviousKey()
    {
        var underA = Secrets(SecretA).Create(UserId, "ann@example.com");

        var step = Secrets(SecretB, previous: SecretA).MatchStep(UserId, underA.Stored, CodeOf(underA), Now, _ => true);

        Assert.That(step, Is.Not.Null);
    }

    [Test]
    public void MatchStep_WithoutThePreviousKey_DoesNotMatchASecretOfIt()
    {
        var underA = Secrets(SecretA).Create(UserId, "ann@example.com");

        var step = Secrets(SecretB).MatchStep(UserId, underA.Stored, CodeOf(underA), Now, _ => true);

        Assert.That(step, Is.Null);
    }

    [Test]
    public void Reencrypt_OfASecretOfThePreviousKey_SealsItUnderTheCurrentOne()
    {
        var underA = Secrets(SecretA).Create(UserId, "ann@example.com");
        var rotating = Secrets(SecretB, previous: SecretA);

        var underB = rotating.Reencrypt(UserId, underA.Stored);

        Assert.That(underB, Is.Not.Null);
        Assert.That(underB!.KeyId, Is.EqualTo(rotating.CurrentKeyId).And.EqualTo(KeyIdOf(SecretB)));
        Assert.That(Secrets(SecretB).MatchStep(UserId, underB, CodeOf(underA), Now, _ => true), Is.Not.Null,
            "once moved, the secret no longer needs JWT_SECRET_PREVIOUS");
    }

    [Test]
    public void Reencrypt_OfASecretOfTheCurrentKey_GivesNull()
    {
        var rotating = Secrets(SecretB, previous: SecretA);
        var current = rotating.Create(UserId, "ann@example.com");

        Assert.That(rotating.Reencrypt(UserId, current.Stored), Is.Null);
    }

    [Test]
    public void Reencrypt_OfASecretNoKeyOpens_GivesNull()
    {
        var underA = Secrets(SecretA).Create(UserId, "ann@example.com");

        Assert.That(Secrets(SecretB).Reencrypt(UserId, underA.Stored), Is.Null);
    }

    [TestCase("Acme Corp", "ann@example.com")]
    [TestCase("R&D #1", "a#b?c@example.com")] // what a URI would otherwise cut short
    public void Create_GivesAnOtpauthUriForAuthenticatorApps(string issuer, string accountName)
    {
        var created = Secrets(issuer: issuer).Create(UserId, accountName);

        var uri = new Uri(created.OtpauthUri);
        var query = HttpUtility.ParseQueryString(uri.Query);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(uri.Scheme, Is.EqualTo("otpauth"));
            Assert.That(uri.Host, Is.EqualTo("totp"));
            Assert.That(Uri.UnescapeDataString(uri.AbsolutePath), Is.EqualTo($"/{issuer}:{accountName}"));
            Assert.That(query["secret"], Is.EqualTo(created.Base32));
            Assert.That(query["issuer"], Is.EqualTo(issuer));
            Assert.That(query["algorithm"], Is.EqualTo("SHA1"));
            Assert.That(query["digits"], Is.EqualTo("6"));
            Assert.That(query["period"], Is.EqualTo("30"));
        }
    }

    [Test]
    public void ToString_NeverShowsTheSecret()
    {
        var created = Secrets().Create(UserId, "ann@example.com");

        Assert.That(created.ToString(), Does.Not.Contain(created.Base32));
        Assert.That(created.Stored.ToString(), Does.Not.Contain(Convert.ToHexString(created.Stored.Ciphertext)));
    }


    [Test]
    public void WithItsOwnKey_ASecretIsReadWhateverJwtSecretBecomes()
    {
        var underOwnKey = Secrets(SecretA, mfaKey: OwnKey).Create(UserId, "ann@example.com");

        var step = Secrets(SecretB, mfaKey: OwnKey).MatchStep(UserId, underOwnKey.Stored, CodeOf(underOwnKey), Now, _ => true);

        Assert.That(step, Is.EqualTo(CurrentStep));
        Assert.That(underOwnKey.Stored.KeyId, Is.EqualTo(KeyIdOf(OwnKey)));
    }

    [Test]
    public void MovingToItsOwnKey_WithJwtSecretAsThePreviousOne_ReadsAndReencryptsTheOldSecrets()
    {
        var underJwtSecret = Secrets(SecretA).Create(UserId, "ann@example.com");
        var moving = Secrets(SecretA, mfaKey: OwnKey, mfaKeyPrevious: SecretA);

        var step = moving.MatchStep(UserId, underJwtSecret.Stored, CodeOf(underJwtSecret), Now, _ => true);
        var moved = moving.Reencrypt(UserId, underJwtSecret.Stored);

        Assert.That(step, Is.EqualTo(CurrentStep));
        Assert.That(moved?.KeyId, Is.EqualTo(KeyIdOf(OwnKey)));
        Assert.That(Secrets(SecretB, mfaKey: OwnKey).MatchStep(UserId, moved!, CodeOf(underJwtSecret), Now, _ => true),
            Is.EqualTo(CurrentStep));
    }

    [Test]
    public void WithItsOwnKey_JwtSecretPreviousReadsNothing()
    {
        var underA = Secrets(SecretA).Create(UserId, "ann@example.com");

        var step = Secrets(SecretB, previous: SecretA, mfaKey: OwnKey).MatchStep(UserId, underA.Stored, CodeOf(underA), Now, _ => true);

        Assert.That(step, Is.Null);
    }

    private static TotpSecrets Secrets(string secret = SecretA, string previous = "", string issuer = "Tikiya",
        string mfaKey = "", string mfaKeyPrevious = "") => new(
        Microsoft.Extensions.Options.Options.Create(new JwtOptions { Secret = secret, SecretPrevious = previous }),
        Microsoft.Extensions.Options.Options.Create(new MfaOptions
        {
            Issuer = issuer, EncryptionKey = mfaKey, EncryptionKeyPrevious = mfaKeyPrevious,
        }),
        NullLogger<TotpSecrets>.Instance);

    private static string CodeOf(Application.Common.Interfaces.NewTotpSecret created) =>
        Rfc6238.CodeAt(Rfc6238.DecodeBase32(created.Base32), Now);

    /// <summary>RFC 6238 appendix B's secret as TotpSecrets stores it for <paramref name="userId"/> under SecretA.</summary>
    private static EncryptedSecret AppendixBSecretOf(Guid userId) => Seal(SecretA, userId, Rfc6238.AppendixBSecret);

    // The stored format: nonce (12) | ciphertext | tag (16), the purpose and the account's id as associated data.
    private static EncryptedSecret Seal(string jwtSecret, Guid userId, byte[] secret)
    {
        var sealedSecret = new byte[NonceBytes + secret.Length + 16];
        RandomNumberGenerator.Fill(sealedSecret.AsSpan(0, NonceBytes));
        using var aes = new AesGcm(KeyOf(jwtSecret), 16);
        aes.Encrypt(sealedSecret.AsSpan(0, NonceBytes), secret, sealedSecret.AsSpan(NonceBytes, secret.Length),
            sealedSecret.AsSpan(NonceBytes + secret.Length), AssociatedData(userId));
        return new EncryptedSecret(sealedSecret, KeyIdOf(jwtSecret));
    }

    private static byte[] Open(string jwtSecret, Guid userId, EncryptedSecret stored)
    {
        var sealedSecret = stored.Ciphertext;
        var secret = new byte[sealedSecret.Length - NonceBytes - 16];
        using var aes = new AesGcm(KeyOf(jwtSecret), 16);
        aes.Decrypt(sealedSecret.AsSpan(0, NonceBytes), sealedSecret.AsSpan(NonceBytes, secret.Length),
            sealedSecret.AsSpan(NonceBytes + secret.Length), secret, AssociatedData(userId));
        return secret;
    }

    private static byte[] KeyOf(string jwtSecret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwtSecret), 32, [], Purpose);

    private static byte[] KeyIdOf(string jwtSecret) => HMACSHA256.HashData(KeyOf(jwtSecret), "tikiya/totp-secret/key-id"u8)[..8];

    private static byte[] AssociatedData(Guid userId) => [.. Purpose, .. userId.ToByteArray(bigEndian: true)];

    [Test]
    public void Knows_TheKeysOfJwtSecretAndJwtSecretPreviousOnly()
    {
        var rotating = Secrets(SecretB, previous: SecretA);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rotating.Knows(KeyIdOf(SecretB)), Is.True);
            Assert.That(rotating.Knows(KeyIdOf(SecretA)), Is.True);
            Assert.That(Secrets(SecretB).Knows(KeyIdOf(SecretA)), Is.False);
        }
    }
}
