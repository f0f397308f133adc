namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>Argon2id's cost (RFC 9106 §3.1): memory m in KiB, passes t, lanes p; and the memory layout it implies.</summary>
internal readonly record struct Argon2Parameters
{
    public const int SyncPoints = 4; // slices per pass

    public Argon2Parameters(int memoryKib, int iterations, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lanes, 0xFF_FFFF);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryKib, 8 * lanes);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        (MemoryKib, Iterations, Lanes) = (memoryKib, iterations, lanes);
        SegmentLength = memoryKib / (SyncPoints * lanes);
        LaneLength = SegmentLength * SyncPoints;
        Blocks = LaneLength * lanes;
    }

    public int MemoryKib { get; }

    public int Iterations { get; }

    public int Lanes { get; }

    // Stored, not computed: the core reads them for every block, and a division costs more than the rest of that.

    /// <summary>m' = 4p · floor(m / 4p): the blocks actually used, a whole number of segments in every lane.</summary>
    public int Blocks { get; }

    public int LaneLength { get; }

    public int SegmentLength { get; }
}
