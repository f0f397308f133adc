using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// G word by word, written as RFC 9106 §3.5–3.6 reads: the reference the vector paths are tested against, and the
/// path of processors without SSE2 or AVX2 (ARM64 today).
/// </summary>
internal static class Argon2CompressionScalar
{
    public static void Fill(ref Argon2Block previous, ref Argon2Block reference, ref Argon2Block next, ref Argon2Block work,
        bool xorIntoNext)
    {
        // R = X ^ Y; next is made to hold R (or R ^ next) so that the end is next = P(R) ^ next.
        for (var i = 0; i < Argon2Block.Words; i++)
        {
            var r = previous[i] ^ reference[i];
            work[i] = r;
            next[i] = xorIntoNext ? r ^ next[i] : r;
        }

        SixteenWords v = default;
        for (var row = 0; row < 8; row++) // Q: P on each row of eight 16-byte registers
        {
            for (var k = 0; k < 16; k++)
            {
                v[k] = work[16 * row + k];
            }

            Permute(ref v);
            for (var k = 0; k < 16; k++)
            {
                work[16 * row + k] = v[k];
            }
        }

        for (var column = 0; column < 8; column++) // Z: P on each column, register j of the column from row j
        {
            for (var j = 0; j < 8; j++)
            {
                v[2 * j] = work[16 * j + 2 * column];
                v[2 * j + 1] = work[16 * j + 2 * column + 1];
            }

            Permute(ref v);
            for (var j = 0; j < 8; j++)
            {
                next[16 * j + 2 * column] ^= v[2 * j];
                next[16 * j + 2 * column + 1] ^= v[2 * j + 1];
            }
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<ulong>)v)); // password-derived, on the stack
    }

    private static void Permute(ref SixteenWords v)
    {
        Mix(ref v, 0, 4, 8, 12);
        Mix(ref v, 1, 5, 9, 13);
        Mix(ref v, 2, 6, 10, 14);
        Mix(ref v, 3, 7, 11, 15);
        Mix(ref v, 0, 5, 10, 15);
        Mix(ref v, 1, 6, 11, 12);
        Mix(ref v, 2, 7, 8, 13);
        Mix(ref v, 3, 4, 9, 14);
    }

    /// <summary>GB: BLAKE2b's G with each addition a + b replaced by BlaMka's a + b + 2 * lo32(a) * lo32(b).</summary>
    private static void Mix(ref SixteenWords v, int a, int b, int c, int d)
    {
        v[a] = BlaMka(v[a], v[b]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = BlaMka(v[c], v[d]);
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = BlaMka(v[a], v[b]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = BlaMka(v[c], v[d]);
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }

    private static ulong BlaMka(ulong x, ulong y) => x + y + 2 * (ulong)(uint)x * (uint)y;
}
