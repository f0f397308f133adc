namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>The core's four scratch blocks, kept in the same buffer as the lanes so that one wipe covers them all.</summary>
internal readonly ref struct Argon2Scratch
{
    public const int Blocks = 4;

    private readonly Span<Argon2Block> _blocks;

    private Argon2Scratch(Span<Argon2Block> blocks) => _blocks = blocks;

    /// <summary>R = X ^ Y inside G, then C at the end.</summary>
    public ref Argon2Block Work => ref _blocks[0];

    /// <summary>The all-zero block that address blocks are compressed with: G(0, ·).</summary>
    public ref Argon2Block Zero => ref _blocks[1];

    /// <summary>The segment's position and counter, hashed into address blocks.</summary>
    public ref Argon2Block Input => ref _blocks[2];

    /// <summary>128 pseudo-random values for the data-independent part.</summary>
    public ref Argon2Block Address => ref _blocks[3];

    public static Argon2Scratch Over(Span<Argon2Block> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(blocks.Length, Blocks);
        var scratch = new Argon2Scratch(blocks);
        Argon2Block.AsBytes(ref scratch.Zero).Clear(); // the memory need not be zero on entry
        return scratch;
    }
}
