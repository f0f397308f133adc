using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security.Argon2;

namespace Tikiya.Api.IntegrationTests.Security.Argon2;

/// <summary>
/// Byte for byte what libsodium and Isopoh compute, on thousands of random inputs: raw tags of every length, and the
/// PHC strings they write for a salt of theirs.
/// </summary>
public sealed class Argon2InteroperabilityTests
{
    private readonly Argon2MemoryPool _memory = new(1);

    [Test]
    public void ComputeTag_RandomInputs_MatchesLibsodium()
    {
        var random = new Random(20_19);
        for (var i = 0; i < 2000; i++)
        {
            var input = Argon2Case.ForLibsodium(random, i);

            Assert.That(input.Managed(_memory), Is.EqualTo(input.Libsodium()), $"case {i}: {input}");
        }
    }

    [Test]
    public void ComputeTag_RandomInputsWithLanesSecretsAndData_MatchesIsopoh()
    {
        var random = new Random(9106);
        for (var i = 0; i < 1000; i++)
        {
            var input = Argon2Case.ForIsopoh(random, i);

            Assert.That(input.Managed(_memory), Is.EqualTo(input.Isopoh()), $"case {i}: {input}");
        }
    }

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
}
