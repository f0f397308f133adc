using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security.Argon2;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Argon2id in managed code with SIMD (<c>PASSWORD_HASHER=managed</c>, <see cref="Argon2idCore"/>): unlike libsodium,
/// it maps no memory per hash but reuses one wiped buffer per hashing thread. Its PHC strings are byte for byte what
/// libsodium would write for the same salt, so switching either way needs no rehash.
/// </summary>
internal sealed class ManagedArgon2PasswordHasher : Argon2PasswordHasher
{
    private const int SaltBytes = 16;
    private const int TagBytes = 32;
    private const int Lanes = 1; // OWASP's parameters, and all libsodium verifies

    public ManagedArgon2PasswordHasher(IOptions<PasswordHashingOptions> options)
        : base(options) => WorkingMemory = new Argon2MemoryPool(options.Value.HashingThreads);

    /// <summary>For tests: the buffers kept between hashes.</summary>
    internal Argon2MemoryPool WorkingMemory { get; }

    protected override string Hash(byte[] password)
    {
        var cost = new Argon2Parameters(Settings.MemoryKib, Settings.Iterations, Lanes);
        Span<byte> salt = stackalloc byte[SaltBytes];
        RandomNumberGenerator.Fill(salt);
        Span<byte> tag = stackalloc byte[TagBytes];
        ComputeTag(tag, password, salt, cost);
        return Argon2PhcString.Format(cost, salt, tag);
    }

    protected override bool Verify(string passwordHash, byte[] password)
    {
        if (!Argon2PhcString.TryParse(passwordHash, PasswordHashingOptions.MaxMemoryKib, PasswordHashingOptions.MaxIterations,
            out var cost, out var salt, out var expected))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[expected.Length];
        ComputeTag(actual, password, salt, cost);
        var matches = CryptographicOperations.FixedTimeEquals(actual, expected);
        CryptographicOperations.ZeroMemory(actual);
        return matches;
    }

    private void ComputeTag(Span<byte> tag, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Argon2Parameters cost)
    {
        var blocks = Argon2idCore.MemoryBlocks(cost);
        using var memory = WorkingMemory.Rent(blocks);
        Argon2idCore.ComputeTag(tag, password, salt, secret: [], associatedData: [], cost, memory.Blocks);
    }
}
