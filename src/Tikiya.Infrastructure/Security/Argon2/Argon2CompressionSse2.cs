using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// G with 128-bit vectors, for x64 processors without AVX2: each vector is one of P's 16-byte registers, so a column
/// is loaded as it lies and only the diagonal step moves words between vectors (shufpd, SSE2).
/// </summary>
internal static class Argon2CompressionSse2
{
    private const int Vectors = Argon2Block.Bytes / 16;

    public static void Fill(ref Argon2Block previous, ref Argon2Block reference, ref Argon2Block next, ref Argon2Block work,
        bool xorIntoNext)
    {
        var x = Argon2Block.As<Vector128<ulong>>(ref previous);
        var y = Argon2Block.As<Vector128<ulong>>(ref reference);
        var w = Argon2Block.As<Vector128<ulong>>(ref work);
        var n = Argon2Block.As<Vector128<ulong>>(ref next);
        for (var i = 0; i < Vectors; i++)
        {
            var r = x[i] ^ y[i];
            w[i] = r;
            n[i] = xorIntoNext ? r ^ n[i] : r; // next = P(R) ^ this, at the end
        }

        for (var row = 0; row < Vectors; row += 8)
        {
            Permute(w.Slice(row, 8), stride: 1);
        }

        for (var column = 0; column < 8; column++)
        {
            Permute(w[column..], stride: 8);
        }

        for (var i = 0; i < Vectors; i++)
        {
            n[i] ^= w[i];
        }
    }

    /// <summary>P on the eight registers s[0], s[stride], … s[7·stride]: a row (stride 1) or a column (stride 8).</summary>
    private static void Permute(Span<Vector128<ulong>> s, int stride)
    {
        var (a0, a1, b0, b1) = (s[0], s[stride], s[2 * stride], s[3 * stride]);
        var (c0, c1, d0, d1) = (s[4 * stride], s[5 * stride], s[6 * stride], s[7 * stride]);
        Mix(ref a0, ref b0, ref c0, ref d0); // GB(v0, v4, v8, v12), GB(v1, v5, v9, v13)
        Mix(ref a1, ref b1, ref c1, ref d1); // GB(v2, v6, v10, v14), GB(v3, v7, v11, v15)
        (b0, b1) = (Join(b0, b1), Join(b1, b0)); // v5 v6 | v7 v4
        (c0, c1) = (c1, c0); // v10 v11 | v8 v9
        (d0, d1) = (Join(d1, d0), Join(d0, d1)); // v15 v12 | v13 v14
        Mix(ref a0, ref b0, ref c0, ref d0); // GB(v0, v5, v10, v15), GB(v1, v6, v11, v12)
        Mix(ref a1, ref b1, ref c1, ref d1); // GB(v2, v7, v8, v13), GB(v3, v4, v9, v14)
        (b0, b1) = (Join(b1, b0), Join(b0, b1));
        (c0, c1) = (c1, c0);
        (d0, d1) = (Join(d0, d1), Join(d1, d0));
        (s[0], s[stride], s[2 * stride], s[3 * stride]) = (a0, a1, b0, b1);
        (s[4 * stride], s[5 * stride], s[6 * stride], s[7 * stride]) = (c0, c1, d0, d1);
    }

    /// <summary>(first's high word, second's low word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Join(Vector128<ulong> first, Vector128<ulong> second) =>
        Sse2.Shuffle(first.AsDouble(), second.AsDouble(), 0b01).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref Vector128<ulong> a, ref Vector128<ulong> b, ref Vector128<ulong> c, ref Vector128<ulong> d)
    {
        a = BlaMka(a, b);
        d = RotateRight(d ^ a, 32);
        c = BlaMka(c, d);
        b = RotateRight(b ^ c, 24);
        a = BlaMka(a, b);
        d = RotateRight(d ^ a, 16);
        c = BlaMka(c, d);
        b = RotateRight(b ^ c, 63);
    }

    /// <summary>x + y + 2 · lo32(x) · lo32(y) per word; pmuludq multiplies exactly the low halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> BlaMka(Vector128<ulong> x, Vector128<ulong> y)
    {
        var product = Sse2.Multiply(x.AsUInt32(), y.AsUInt32());
        return x + y + product + product;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> RotateRight(Vector128<ulong> x, [ConstantExpected] int bits) => (x >>> bits) | (x << (64 - bits));
}
