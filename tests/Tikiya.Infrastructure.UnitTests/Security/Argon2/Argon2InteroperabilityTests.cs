using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security.Argon2;

namespace Tikiya.Infrastructure.UnitTests.Security.Argon2;

/// <summary>
/// Byte for byte what libsodium and Isopoh compute, on thousands of random inputs: raw tags of every length, and the
/// PHC strings they write for a salt of theirs.
/// </summary>
public sealed class Argon2InteroperabilityTests
{
    private readonly Argon2MemoryPool _memory = new(1);

    [Test]
    public void ComputeTag_RandomInputs_MatchesLibsodium() =>
        AssertSameTags(Argon2Case.ForLibsodium, input => input.Libsodium(), cases: 2000, seed: 2019);

    [Test]
    public void ComputeTag_RandomInputsWithLanesSecretsAndData_MatchesIsopoh() =>
        AssertSameTags(Argon2Case.ForIsopoh, input => input.Isopoh(), cases: 1000, seed: 9106);

    [Test]
    public void Format_WithLibsodiumsSalt_WritesLibsodiumsPhcString()
    {
        var random = new Random(32);
        var buffer = new char[Geralt.Argon2id.HashSize];
        for (var i = 0; i < 300; i++)
        {
            var input = Argon2Case.ForLibsodium(random, i) with { TagBytes = 32 };
            Geralt.Argon2id.ComputeHash(buffer, input.Password, input.Iterations, input.MemoryKib * 1024);
            var libsodium = new string(buffer, 0, Array.IndexOf(buffer, '\0'));
            Assert.That(Argon2PhcString.TryParse(libsodium, PasswordHashingOptions.MaxMemoryKib, PasswordHashingOptions.MaxIterations,
                out var cost, out var salt, out _), Is.True, libsodium);

            var managed = Argon2PhcString.Format(cost, salt, (input with { Salt = salt! }).Managed(_memory));

            Assert.That(managed, Is.EqualTo(libsodium), $"case {i}: {input}");
        }
    }

    [Test]
    public void Format_RandomInputs_WritesIsopohsPhcString()
    {
        var random = new Random(64);
        for (var i = 0; i < 300; i++)
        {
            var input = Argon2Case.ForIsopoh(random, i) with { Secret = [], AssociatedData = [] };

            var managed = Argon2PhcString.Format(input.Cost, input.Salt, input.Managed(_memory));

            Assert.That(managed, Is.EqualTo(input.IsopohPhcString()), $"case {i}: {input}");
        }
    }

    private void AssertSameTags(Func<Random, int, Argon2Case> newCase, Func<Argon2Case, byte[]> theirs, int cases, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < cases; i++)
        {
            var input = newCase(random, i);

            Assert.That(input.Managed(_memory), Is.EqualTo(theirs(input)), $"case {i}: {input}");
        }
    }
}
