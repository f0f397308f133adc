using Isopoh.Cryptography.Argon2;
using Tikiya.Infrastructure.Security;
using Tikiya.Infrastructure.Security.Argon2;
using IsopohArgon2 = Isopoh.Cryptography.Argon2.Argon2;

namespace Tikiya.Infrastructure.UnitTests.Security.Argon2;

/// <summary>
/// One Argon2id input, and its tag as each implementation computes it. Random cases cover what libsodium accepts
/// (one lane, a 16-byte salt, no secret or associated data) or, for Isopoh, everything RFC 9106 has.
/// </summary>
internal sealed record Argon2Case(byte[] Password, byte[] Salt, byte[] Secret, byte[] AssociatedData, int MemoryKib,
    int Iterations, int Lanes, int TagBytes)
{
    // Small enough for thousands of cases: memory not a multiple of 4 lanes' worth (19, 37), a first segment with no
    // block to compute (8), segments longer than one address block's 128 addresses (600, 1024).
    private static readonly (int MemoryKib, int Iterations)[] Costs = [(8, 1), (16, 2), (19, 3), (37, 1), (64, 2), (600, 1), (1024, 2)];

    public Argon2Parameters Cost => new(MemoryKib, Iterations, Lanes);

    public static Argon2Case ForLibsodium(Random random, int index)
    {
        var (memoryKib, iterations) = Costs[index % Costs.Length];
        return new Argon2Case(Bytes(random, random.Next(0, 129)), Bytes(random, 16), [], [], memoryKib, iterations, Lanes: 1,
            TagBytes: random.Next(Geralt.Argon2id.MinKeySize, 129));
    }

    public static Argon2Case ForIsopoh(Random random, int index)
    {
        var (memoryKib, iterations) = Costs[index % Costs.Length];
        var lanes = random.Next(1, 5);
        return new Argon2Case(Bytes(random, random.Next(0, 129)), Bytes(random, random.Next(8, 33)),
            Bytes(random, random.Next(0, 33)), Bytes(random, random.Next(0, 33)), Math.Max(memoryKib, 8 * lanes), iterations,
            lanes, TagBytes: random.Next(4, 129));
    }

    public byte[] Managed(Argon2MemoryPool memory)
    {
        var tag = new byte[TagBytes];
        using var lease = memory.Rent(Argon2idCore.MemoryBlocks(Cost));
        Argon2idCore.ComputeTag(tag, Password, Salt, Secret, AssociatedData, Cost, lease.Blocks);
        return tag;
    }

    public byte[] Libsodium()
    {
        var tag = new byte[TagBytes];
        Geralt.Argon2id.DeriveKey(tag, Password, Salt, Iterations, MemoryKib * 1024);
        return tag;
    }

    public byte[] Isopoh()
    {
        using var argon2 = new IsopohArgon2(IsopohConfig());
        using var tag = argon2.Hash();
        return [.. tag.Buffer];
    }

    public string IsopohPhcString() => IsopohArgon2.Hash(IsopohConfig());

    public override string ToString() =>
        $"m={MemoryKib} t={Iterations} p={Lanes} T={TagBytes} |P|={Password.Length} |S|={Salt.Length} |K|={Secret.Length} |X|={AssociatedData.Length}";

    private Argon2Config IsopohConfig() => new()
    {
        Type = Argon2Type.HybridAddressing,
        Version = Argon2Version.Nineteen,
        MemoryCost = MemoryKib,
        TimeCost = Iterations,
        Lanes = Lanes,
        Threads = 1,
        Password = Password,
        Salt = Salt,
        Secret = Secret.Length > 0 ? Secret : null,
        AssociatedData = AssociatedData.Length > 0 ? AssociatedData : null,
        HashLength = TagBytes,
        SecureArrayCall = IsopohPasswordHasher.ZeroedNotLocked,
    };

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
