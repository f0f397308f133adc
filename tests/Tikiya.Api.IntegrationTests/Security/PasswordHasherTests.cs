using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.IntegrationTests.Security;

public sealed class PasswordHasherTests
{
    private const string Password = "correct horse battery";
    private const string PhcPattern = @"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$";

    private static readonly IPasswordHasher[] Hashers = [Libsodium(), Isopoh(), Managed()];

    private static IEnumerable<TestCaseData> CrossPairs()
    {
        yield return new TestCaseData(Libsodium(), Isopoh()).SetName("Hash_WithLibsodium_VerifiesWithIsopoh");
        yield return new TestCaseData(Isopoh(), Libsodium()).SetName("Hash_WithIsopoh_VerifiesWithLibsodium");
        yield return new TestCaseData(Managed(), Libsodium()).SetName("Hash_WithManaged_VerifiesWithLibsodium");
        yield return new TestCaseData(Libsodium(), Managed()).SetName("Hash_WithLibsodium_VerifiesWithManaged");
        yield return new TestCaseData(Managed(), Isopoh()).SetName("Hash_WithManaged_VerifiesWithIsopoh");
        yield return new TestCaseData(Isopoh(), Managed()).SetName("Hash_WithIsopoh_VerifiesWithManaged");
    }

    [TestCaseSource(nameof(CrossPairs))]
    public async Task Hash_WithOneAdapter_VerifiesWithTheOther(IPasswordHasher hashing, IPasswordHasher verifying)
    {
        var hash = await hashing.HashAsync(Password, CancellationToken.None);

        Assert.That(hash, Does.Match(PhcPattern));
        Assert.That(await verifying.VerifyAsync(Password, hash, CancellationToken.None), Is.True);
        Assert.That(await verifying.VerifyAsync("wrong horse battery", hash, CancellationToken.None), Is.False);
    }

    [TestCaseSource(nameof(Hashers))]
    public async Task Hash_SamePasswordTwice_UsesANewSaltEachTime(IPasswordHasher hasher)
    {
        var first = await hasher.HashAsync(Password, CancellationToken.None);
        var second = await hasher.HashAsync(Password, CancellationToken.None);

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public async Task Hash_WithConfiguredCost_WritesItIntoThePhcString(
        [Values(PasswordHashingOptions.Libsodium, PasswordHashingOptions.Isopoh, PasswordHashingOptions.Managed)] string adapter)
    {
        var options = new PasswordHashingOptions { MemoryKib = 12_288, Iterations = 3 };
        var hasher = Adapter(adapter, options);

        var hash = await hasher.HashAsync(Password, CancellationToken.None);

        Assert.That(hash, Does.StartWith("$argon2id$v=19$m=12288,t=3,p=1$"));
    }

    [Test]
    public async Task Verify_MalformedStoredHash_IsAMismatchNotAnError(
        [Values(PasswordHashingOptions.Libsodium, PasswordHashingOptions.Isopoh, PasswordHashingOptions.Managed)] string adapter,
        [Values("", "garbage", "$argon2id$v=19$m=19456,t=2,p=1$bad$bad",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW")] string storedHash)
    {
        var hasher = Adapter(adapter);

        Assert.That(await hasher.VerifyAsync(Password, storedHash, CancellationToken.None), Is.False);
    }

    [TestCase(PasswordHashingOptions.Isopoh, typeof(IsopohPasswordHasher))]
    [TestCase(PasswordHashingOptions.Managed, typeof(ManagedArgon2PasswordHasher))]
    [TestCase(PasswordHashingOptions.Libsodium, typeof(LibsodiumPasswordHasher))]
    public async Task PasswordHasherSetting_SelectsTheAdapter_RunOnOneThreadPerCore(string setting, Type expected)
    {
        await using var app = TestSetup.Factory.WithWebHostBuilder(b => b.UseSetting("PASSWORD_HASHER", setting));

        var hasher = app.Services.GetRequiredService<IPasswordHasher>();

        Assert.That(hasher, Is.TypeOf<DedicatedThreadPasswordHasher>());
        var threads = (DedicatedThreadPasswordHasher)hasher;
        Assert.That(threads.Adapter, Is.TypeOf(expected));
        Assert.That(threads.Threads, Is.EqualTo(Environment.ProcessorCount));
    }

    [Test]
    public async Task HashingSlots_ByDefault_AreNeverMoreThanHalfThePool()
    {
        await using var app = TestSetup.Factory.WithWebHostBuilder(b => b.UseSetting("DATABASE_POOL_MAX", "4"));

        var slots = app.Services.GetRequiredService<PasswordHashingBulkhead>();

        Assert.That(slots.Capacity, Is.EqualTo(Math.Min(2 * Environment.ProcessorCount, 2)));
    }

    [Test]
    public async Task HashingThreads_AreNeverMoreThanTheBulkheadsSlots()
    {
        await using var app = TestSetup.Factory.WithWebHostBuilder(b => b.UseSetting("PASSWORD_HASHING_CONCURRENCY", "1"));

        var hasher = (DedicatedThreadPasswordHasher)app.Services.GetRequiredService<IPasswordHasher>();

        Assert.That(hasher.Threads, Is.EqualTo(1));
    }

    private static LibsodiumPasswordHasher Libsodium(PasswordHashingOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new PasswordHashingOptions()));

    private static IsopohPasswordHasher Isopoh(PasswordHashingOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new PasswordHashingOptions()));

    private static ManagedArgon2PasswordHasher Managed(PasswordHashingOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new PasswordHashingOptions()));

    private static IPasswordHasher Adapter(string setting, PasswordHashingOptions? options = null) => setting switch
    {
        PasswordHashingOptions.Isopoh => Isopoh(options),
        PasswordHashingOptions.Managed => Managed(options),
        _ => Libsodium(options),
    };
}
