using System.Runtime.Intrinsics.X86;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// Argon2's compression function G (RFC 9106 §3.5) as the core uses it: next = G(previous, reference), or, on passes
/// after the first (version 0x13), next ^= G(previous, reference). The widest path the processor has is chosen when
/// the JIT compiles this (the checks are constants to it): AVX2, else SSE2 (every x64 processor), else scalar.
/// </summary>
internal static class Argon2Compression
{
    public static string Path => Avx2.IsSupported ? "AVX2 (Vector256)" : Sse2.IsSupported ? "SSE2 (Vector128)" : "scalar";

    // work: a block of the caller's for R = previous ^ reference; it must alias none of the others. reference may be
    // next (address blocks are compressed in place).
    public static void Fill(ref Argon2Block previous, ref Argon2Block reference, ref Argon2Block next, ref Argon2Block work,
        bool xorIntoNext)
    {
        if (Avx2.IsSupported)
        {
            Argon2CompressionAvx2.Fill(ref previous, ref reference, ref next, ref work, xorIntoNext);
        }
        else if (Sse2.IsSupported)
        {
            Argon2CompressionSse2.Fill(ref previous, ref reference, ref next, ref work, xorIntoNext);
        }
        else
        {
            Argon2CompressionScalar.Fill(ref previous, ref reference, ref next, ref work, xorIntoNext);
        }
    }
}
