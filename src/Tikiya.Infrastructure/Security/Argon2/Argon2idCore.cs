using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// Argon2id, version 0x13, as RFC 9106 §3 specifies it: H0, the first two blocks of each lane, then t passes of four
/// slices in which a block depends on the one before and on a pseudo-randomly chosen earlier one, chosen independently
/// of the data for the first half of the first pass and from the previous block after that. Lanes are computed one
/// after the other, slice by slice, which gives the same result as in parallel. The caller provides the memory, so one
/// buffer can serve hash after hash (Argon2MemoryPool); scratch blocks sit after the lanes' blocks.
/// </summary>
internal static class Argon2idCore
{
    public const int Version = 0x13;
    public const int Type = 2; // y: Argon2id
    private const int H0Bytes = 64;
    private const int ScratchBlocks = Argon2Scratch.Blocks;

    /// <summary>The blocks <see cref="ComputeTag"/> needs: the lanes' and four scratch blocks.</summary>
    public static int MemoryBlocks(Argon2Parameters cost) => cost.Blocks + ScratchBlocks;

    /// <summary>
    /// Writes the tag (its length is T, at least 4 bytes). The memory need not be zero on entry; the caller wipes it
    /// after (the blocks are password-derived), this method wipes what it keeps elsewhere.
    /// </summary>
    public static void ComputeTag(Span<byte> tag, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> associatedData, Argon2Parameters cost, Span<Argon2Block> memory)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The managed Argon2id reads its blocks as little-endian words.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(tag.Length, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(memory.Length, MemoryBlocks(cost));
        Span<byte> seed = stackalloc byte[H0Bytes + 2 * sizeof(uint)]; // H0 || LE32(block) || LE32(lane)
        try
        {
            HashParameters(seed[..H0Bytes], tag.Length, password, salt, secret, associatedData, cost);
            var lanes = memory[..cost.Blocks];
            for (var lane = 0; lane < cost.Lanes; lane++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(seed[(H0Bytes + sizeof(uint))..], (uint)lane);
                for (var block = 0; block < 2; block++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(seed[H0Bytes..], (uint)block);
                    Blake2bLong.Hash(Argon2Block.AsBytes(ref lanes[lane * cost.LaneLength + block]), seed);
                }
            }

            var scratch = Argon2Scratch.Over(memory.Slice(cost.Blocks, ScratchBlocks));
            for (var pass = 0; pass < cost.Iterations; pass++)
            {
                for (var slice = 0; slice < Argon2Parameters.SyncPoints; slice++)
                {
                    for (var lane = 0; lane < cost.Lanes; lane++)
                    {
                        new Argon2Segment(cost, pass, slice, lane).Fill(lanes, scratch);
                    }
                }
            }

            ref var final = ref scratch.Work; // C: the XOR of every lane's last block
            Argon2Block.AsBytes(ref final).Clear();
            for (var lane = 0; lane < cost.Lanes; lane++)
            {
                ref var last = ref lanes[lane * cost.LaneLength + cost.LaneLength - 1];
                for (var i = 0; i < Argon2Block.Words; i++)
                {
                    final[i] ^= last[i];
                }
            }

            Blake2bLong.Hash(tag, Argon2Block.AsBytes(ref final));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>H0 = H^64(LE32(p) || LE32(T) || LE32(m) || LE32(t) || LE32(v) || LE32(y) || each input with its length).</summary>
    private static void HashParameters(Span<byte> h0, int tagLength, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> secret, ReadOnlySpan<byte> associatedData, Argon2Parameters cost)
    {
        var state = new Blake2b(H0Bytes);
        state.Update((uint)cost.Lanes);
        state.Update((uint)tagLength);
        state.Update((uint)cost.MemoryKib);
        state.Update((uint)cost.Iterations);
        state.Update(Version);
        state.Update(Type);
        UpdateWithLength(ref state, password);
        UpdateWithLength(ref state, salt);
        UpdateWithLength(ref state, secret);
        UpdateWithLength(ref state, associatedData);
        state.Finish(h0);
    }

    private static void UpdateWithLength(ref Blake2b state, ReadOnlySpan<byte> input)
    {
        state.Update((uint)input.Length);
        state.Update(input);
    }
}
