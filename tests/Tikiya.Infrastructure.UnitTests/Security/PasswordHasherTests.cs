using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.UnitTests.Security;

public sealed class PasswordHasherTests
{
    private const string Password = "correct horse battery";
    private const string PhcPattern = @"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$";

    private static readonly string[] Hashers =
        [PasswordHashingOptions.Libsodium, PasswordHashingOptions.Isopoh, PasswordHashingOptions.Managed];

    private static IEnumerable<TestCaseData> CrossPairs()
    {
        const string libsodium = PasswordHashingOptions.Libsodium, isopoh = PasswordHashingOptions.Isopoh,
            managed = PasswordHashingOptions.Managed;
        yield return new TestCaseData(libsodium, isopoh).SetName("Hash_WithLibsodium_VerifiesWithIsopoh");
        yield return new TestCaseData(isopoh, libsodium).SetName("Hash_WithIsopoh_VerifiesWithLibsodium");
        yield return new TestCaseData(managed, libsodium).SetName("Hash_WithManaged_VerifiesWithLibsodium");
        yield return new TestCaseData(libsodium, managed).SetName("Hash_WithLibsodium_VerifiesWithManaged");
        yield return new TestCaseData(managed, isopoh).SetName("Hash_WithManaged_VerifiesWithIsopoh");
        yield return new TestCaseData(isopoh, managed).SetName("Hash_WithIsopoh_VerifiesWithManaged");
    }

    [TestCaseSource(nameof(CrossPairs))]
    public void Hash_WithOneAdapter_VerifiesWithTheOther(string hashingAdapter, string verifyingAdapter)
    {
        var verifying = Adapter(verifyingAdapter);
        var hash = Adapter(hashingAdapter).HashPassword(Password);

        Assert.That(hash, Does.Match(PhcPattern));
        Assert.That(verifying.VerifyPassword(Password, hash), Is.EqualTo(PasswordVerification.Succeeded));
        Assert.That(verifying.VerifyPassword("wrong horse battery", hash), Is.EqualTo(PasswordVerification.Failed));
    }

    [TestCaseSource(nameof(Hashers))]
    public void Verify_OfAHashBelowTheConfiguredCost_AsksForARehash(string adapter)
    {
        var hasher = Adapter(adapter);
        var weaker = Libsodium(new PasswordHashingOptions { MemoryKib = 12_288, Iterations = 2 }).HashPassword(Password);
        var stronger = Libsodium(new PasswordHashingOptions { MemoryKib = 19_456, Iterations = 3 }).HashPassword(Password);

        Assert.That(hasher.VerifyPassword(Password, weaker), Is.EqualTo(PasswordVerification.SucceededRehashNeeded));
        Assert.That(hasher.VerifyPassword(Password, stronger), Is.EqualTo(PasswordVerification.Succeeded), "never weakened");
        Assert.That(hasher.VerifyPassword("wrong", weaker), Is.EqualTo(PasswordVerification.Failed));
    }

    [TestCaseSource(nameof(Hashers))]
    public void Verify_WithNoStoredHash_FailsAfterAFullCheck(string adapter)
    {
        Assert.That(Adapter(adapter).VerifyPassword(Password, passwordHash: null), Is.EqualTo(PasswordVerification.Failed));
    }

    [TestCaseSource(nameof(Hashers))]
    public void Hash_SamePasswordTwice_UsesANewSaltEachTime(string adapter)
    {
        var hasher = Adapter(adapter);
        var first = hasher.HashPassword(Password);
        var second = hasher.HashPassword(Password);

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Hash_WithConfiguredCost_WritesItIntoThePhcString(
        [Values(PasswordHashingOptions.Libsodium, PasswordHashingOptions.Isopoh, PasswordHashingOptions.Managed)] string adapter)
    {
        var options = new PasswordHashingOptions { MemoryKib = 12_288, Iterations = 3 };
        var hasher = Adapter(adapter, options);

        var hash = hasher.HashPassword(Password);

        Assert.That(hash, Does.StartWith("$argon2id$v=19$m=12288,t=3,p=1$"));
    }

    [Test]
    public void Verify_MalformedStoredHash_IsAMismatchNotAnError(
        [Values(PasswordHashingOptions.Libsodium, PasswordHashingOptions.Isopoh, PasswordHashingOptions.Managed)] string adapter,
        [Values("", "garbage", "$argon2id$v=19$m=19456,t=2,p=1$bad$bad",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW")] string storedHash)
    {
        var hasher = Adapter(adapter);

        Assert.That(hasher.VerifyPassword(Password, storedHash), Is.EqualTo(PasswordVerification.Failed));
    }

    private static LibsodiumPasswordHasher Libsodium(PasswordHashingOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new PasswordHashingOptions()));

    private static IsopohPasswordHasher Isopoh(PasswordHashingOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new PasswordHashingOptions()));

    private static ManagedArgon2PasswordHasher Managed(PasswordHashingOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new PasswordHashingOptions()));

    private static Argon2PasswordHasher Adapter(string setting, PasswordHashingOptions? options = null) => setting switch
    {
        PasswordHashingOptions.Isopoh => Isopoh(options),
        PasswordHashingOptions.Managed => Managed(options),
        _ => Libsodium(options),
    };
}
