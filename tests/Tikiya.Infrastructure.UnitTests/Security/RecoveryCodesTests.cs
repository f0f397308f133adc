using System.Security.Cryptography;
using System.Text;
using Tikiya.Domain.Mfa;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

/// <summary>
/// Recovery codes: ten per set, xxxx-xxxx-xxxx of 31 characters none of which reads as another, stored as HMAC-SHA-256
/// keyed from JWT_SECRET (HKDF, purpose "tikiya/recovery-code/v1") over the account and the code, and matched as
/// people type them.
/// </summary>
public sealed class RecoveryCodesTests
{
    private const string SecretA = "recovery-codes-tests-secret-a-32-bytes!!";
    private const string SecretB = "recovery-codes-tests-secret-b-32-bytes!!";
    private const string Shape = "^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$";
    private static readonly Guid UserId = Guid.Parse("0192b7e4-5c3a-7d10-9e2f-4a6b8c0d1e2f");

    [Test]
    public void CreateSet_GivesTenDistinctCodesOfTheShape()
    {
        var set = Codes().CreateSet(UserId);

        Assert.That(set, Has.Count.EqualTo(RecoveryCode.PerSet).And.Count.EqualTo(10));
        Assert.That(set.Select(c => c.Value), Is.All.Match(Shape));
        Assert.That(set.Select(c => c.Value), Is.Unique);
        Assert.That(set.Select(c => c.Hash), Is.Unique);
    }

    [Test]
    public void CreateSet_UsesNoCharacterThatReadsAsAnother()
    {
        var characters = string.Concat(Enumerable.Range(0, 20).SelectMany(_ => Codes().CreateSet(UserId)).Select(c => c.Value));

        Assert.That(characters, Does.Not.Match("[01oil]"));
        Assert.That(RecoveryCodes.Alphabet, Does.Not.Match("[01oil]").And.Length.EqualTo(31));
    }

    [Test]
    public void Alphabet_AndLength_GiveAtLeast50BitsPerCode()
    {
        var bits = RecoveryCodes.GroupLength * RecoveryCodes.Groups * Math.Log2(RecoveryCodes.Alphabet.Length);

        Assert.That(RecoveryCodes.Alphabet.Distinct().Count(), Is.EqualTo(RecoveryCodes.Alphabet.Length), "no character counted twice");
        Assert.That(bits, Is.EqualTo(12 * Math.Log2(31)).Within(1e-9).And.AtLeast(50));
    }

    [Test]
    public void CreateSet_HashesEachCodeWithTheKeyOfItsPurposeOverTheAccount()
    {
        var code = Codes().CreateSet(UserId)[0];

        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(SecretA), 32, [], "tikiya/recovery-code/v1"u8.ToArray());
        var compact = code.Value.Replace("-", "", StringComparison.Ordinal);
        Assert.That(code.Hash, Is.EqualTo(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{UserId:N}:{compact}"))));
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void HashesOf_AsPeopleTypeIt_IsTheHashOfTheSet(bool upperCase, bool withoutDashes)
    {
        var codes = Codes();
        var issued = codes.CreateSet(UserId)[0];
        var typed = upperCase ? issued.Value.ToUpperInvariant() : issued.Value;
        typed = withoutDashes ? typed.Replace("-", "", StringComparison.Ordinal) : typed;

        var hashes = codes.HashesOf(UserId, typed);

        Assert.That(hashes, Is.EqualTo(new[] { issued.Hash }));
    }

    [Test]
    public void HashesOf_WithSpaces_IsTheHashOfTheSet()
    {
        var codes = Codes();
        var issued = codes.CreateSet(UserId)[0];

        var hashes = codes.HashesOf(UserId, $" {issued.Value.Replace("-", " ", StringComparison.Ordinal)} ");

        Assert.That(hashes, Is.EqualTo(new[] { issued.Hash }));
    }

    [TestCase("")]
    [TestCase("k7qm-x2rt-9fh")] // eleven characters
    [TestCase("k7qm-x2rt-9fhdd")] // thirteen
    [TestCase("k7qm-x2rt-9fh0")] // a zero
    [TestCase("k7qm-x2rt-9fhl")] // an l
    [TestCase("k7qm-x2rt-9fhO")] // an O
    [TestCase("k7qm_x2rt_9fhd")] // another separator
    [TestCase("123456")] // a TOTP code
    public void HashesOf_OfAnotherShape_IsEmpty(string presented)
    {
        Assert.That(Codes().HashesOf(UserId, presented), Is.Empty);
    }

    [Test]
    public void HashesOf_DuringARotation_IsTheCurrentHashThenThePreviousKeysOne()
    {
        var underA = Codes(SecretA).CreateSet(UserId)[0];
        var underB = Codes(SecretB).HashesOf(UserId, underA.Value);

        var hashes = Codes(SecretB, previous: SecretA).HashesOf(UserId, underA.Value);

        Assert.That(hashes, Has.Count.EqualTo(2));
        Assert.That(hashes[0], Is.EqualTo(underB.Single()));
        Assert.That(hashes[1], Is.EqualTo(underA.Hash).And.EqualTo(Codes(SecretA).HashesOf(UserId, underA.Value).Single()));
    }

    [Test]
    public void HashesOf_WithAnotherSecret_MatchesNoneOfTheSet()
    {
        var issued = Codes(SecretA).CreateSet(UserId)[0];

        Assert.That(Codes(SecretB).HashesOf(UserId, issued.Value).Single(), Is.Not.EqualTo(issued.Hash));
    }

    [Test]
    public void HashesOf_OneCodeForTwoAccounts_Differ()
    {
        var codes = Codes();
        var issued = codes.CreateSet(UserId)[0];

        var ofAnotherAccount = codes.HashesOf(Guid.NewGuid(), issued.Value);

        Assert.That(ofAnotherAccount.Single(), Is.Not.EqualTo(issued.Hash));
    }

    [Test]
    public void ToString_NeverShowsTheCode()
    {
        var issued = Codes().CreateSet(UserId)[0];

        Assert.That(issued.ToString(), Does.Not.Contain(issued.Value));
    }

    private static RecoveryCodes Codes(string secret = SecretA, string previous = "") =>
        new(Microsoft.Extensions.Options.Options.Create(new JwtOptions { Secret = secret, SecretPrevious = previous }),
            Microsoft.Extensions.Options.Options.Create(new MfaOptions()));
}
