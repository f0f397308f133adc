using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// One Argon2 memory block: 1 KiB as 128 little-endian 64-bit words (RFC 9106 §3.2). A fixed-size value, so the
/// compression functions index it without bounds checks and the working memory is one flat array of them.
/// </summary>
[InlineArray(Words)]
internal struct Argon2Block
{
    public const int Words = 128;
    public const int Bytes = Words * sizeof(ulong);

    private ulong _word0;

    /// <summary>The block's bytes in the RFC's order; the core runs on little-endian machines only (Argon2idCore).</summary>
    public static Span<byte> AsBytes(ref Argon2Block block) => MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref block, 1));

    /// <summary>The block as the vectors G's SIMD paths compute on.</summary>
    public static Span<TVector> As<TVector>(ref Argon2Block block) where TVector : struct =>
        MemoryMarshal.Cast<ulong, TVector>(MemoryMarshal.CreateSpan(ref block[0], Words));
}
