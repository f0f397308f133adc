using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// G with 256-bit vectors, four words at a time: a row of P's sixteen words is four vectors, so each GB step runs on
/// four words at once and the diagonal step is a lane rotation. A column's words lie in two halves of different rows,
/// so columns are taken in pairs: the four words of two columns in one row are one vector, split by 128-bit permutes.
/// Rows are taken in pairs too, so that P always works on two independent sets.
/// </summary>
internal static class Argon2CompressionAvx2
{
    private const int Vectors = Argon2Block.Bytes / 32;

    public static void Fill(ref Argon2Block previous, ref Argon2Block reference, ref Argon2Block next, ref Argon2Block work,
        bool xorIntoNext)
    {
        var x = Argon2Block.As<Vector256<ulong>>(ref previous);
        var y = Argon2Block.As<Vector256<ulong>>(ref reference);
        var w = Argon2Block.As<Vector256<ulong>>(ref work);
        var n = Argon2Block.As<Vector256<ulong>>(ref next);
        // Two rows at a time: two independent chains of dependent instructions keep the processor busy. R = X ^ Y is
        // formed as the rows are read, so work starts as soon as the first cache lines of the (random) reference arrive.
        for (var row = 0; row < Vectors; row += 8)
        {
            var (a0, b0, c0, d0) = (Xor(x, y, n, row, xorIntoNext), Xor(x, y, n, row + 1, xorIntoNext),
                Xor(x, y, n, row + 2, xorIntoNext), Xor(x, y, n, row + 3, xorIntoNext));
            var (a1, b1, c1, d1) = (Xor(x, y, n, row + 4, xorIntoNext), Xor(x, y, n, row + 5, xorIntoNext),
                Xor(x, y, n, row + 6, xorIntoNext), Xor(x, y, n, row + 7, xorIntoNext));
            Permute(ref a0, ref b0, ref c0, ref d0, ref a1, ref b1, ref c1, ref d1);
            (w[row], w[row + 1], w[row + 2], w[row + 3]) = (a0, b0, c0, d0);
            (w[row + 4], w[row + 5], w[row + 6], w[row + 7]) = (a1, b1, c1, d1);
        }

        for (var pair = 0; pair < 4; pair++)
        {
            // Vector 4j + pair holds words 2·(2·pair) and 2·(2·pair+1), and the next word of each, of row j.
            var a0 = Low(w[pair], w[4 + pair]);
            var a1 = High(w[pair], w[4 + pair]);
            var b0 = Low(w[8 + pair], w[12 + pair]);
            var b1 = High(w[8 + pair], w[12 + pair]);
            var c0 = Low(w[16 + pair], w[20 + pair]);
            var c1 = High(w[16 + pair], w[20 + pair]);
            var d0 = Low(w[24 + pair], w[28 + pair]);
            var d1 = High(w[24 + pair], w[28 + pair]);
            Permute(ref a0, ref b0, ref c0, ref d0, ref a1, ref b1, ref c1, ref d1);
            n[pair] ^= Low(a0, a1);
            n[4 + pair] ^= High(a0, a1);
            n[8 + pair] ^= Low(b0, b1);
            n[12 + pair] ^= High(b0, b1);
            n[16 + pair] ^= Low(c0, c1);
            n[20 + pair] ^= High(c0, c1);
            n[24 + pair] ^= Low(d0, d1);
            n[28 + pair] ^= High(d0, d1);
        }
    }

    /// <summary>R's vector i; next's becomes R (or R ^ next), so that the end is next = P(R) ^ next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Xor(Span<Vector256<ulong>> x, Span<Vector256<ulong>> y, Span<Vector256<ulong>> n, int i,
        bool xorIntoNext)
    {
        var r = x[i] ^ y[i];
        n[i] = xorIntoNext ? r ^ n[i] : r;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Low(Vector256<ulong> first, Vector256<ulong> second) => Avx2.Permute2x128(first, second, 0x20);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> High(Vector256<ulong> first, Vector256<ulong> second) => Avx2.Permute2x128(first, second, 0x31);

    /// <summary>
    /// P on two sets of sixteen words, each held as a = v0..3, b = v4..7, c = v8..11, d = v12..15: the diagonal step is
    /// a rotation of b, c and d by one, two and three words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Permute(ref Vector256<ulong> a0, ref Vector256<ulong> b0, ref Vector256<ulong> c0, ref Vector256<ulong> d0,
        ref Vector256<ulong> a1, ref Vector256<ulong> b1, ref Vector256<ulong> c1, ref Vector256<ulong> d1)
    {
        Mix(ref a0, ref b0, ref c0, ref d0, ref a1, ref b1, ref c1, ref d1); // GB(v0, v4, v8, v12) … GB(v3, v7, v11, v15)
        (b0, b1) = (Avx2.Permute4x64(b0, 0b00_11_10_01), Avx2.Permute4x64(b1, 0b00_11_10_01)); // v5 v6 v7 v4
        (c0, c1) = (Avx2.Permute4x64(c0, 0b01_00_11_10), Avx2.Permute4x64(c1, 0b01_00_11_10)); // v10 v11 v8 v9
        (d0, d1) = (Avx2.Permute4x64(d0, 0b10_01_00_11), Avx2.Permute4x64(d1, 0b10_01_00_11)); // v15 v12 v13 v14
        Mix(ref a0, ref b0, ref c0, ref d0, ref a1, ref b1, ref c1, ref d1); // GB(v0, v5, v10, v15) … GB(v3, v4, v9, v14)
        (b0, b1) = (Avx2.Permute4x64(b0, 0b10_01_00_11), Avx2.Permute4x64(b1, 0b10_01_00_11));
        (c0, c1) = (Avx2.Permute4x64(c0, 0b01_00_11_10), Avx2.Permute4x64(c1, 0b01_00_11_10));
        (d0, d1) = (Avx2.Permute4x64(d0, 0b00_11_10_01), Avx2.Permute4x64(d1, 0b00_11_10_01));
    }

    /// <summary>GB on the four lanes of two sets at once, step by step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref Vector256<ulong> a0, ref Vector256<ulong> b0, ref Vector256<ulong> c0, ref Vector256<ulong> d0,
        ref Vector256<ulong> a1, ref Vector256<ulong> b1, ref Vector256<ulong> c1, ref Vector256<ulong> d1)
    {
        (a0, a1) = (BlaMka(a0, b0), BlaMka(a1, b1));
        (d0, d1) = (RotateRight32(d0 ^ a0), RotateRight32(d1 ^ a1));
        (c0, c1) = (BlaMka(c0, d0), BlaMka(c1, d1));
        (b0, b1) = (RotateRight24(b0 ^ c0), RotateRight24(b1 ^ c1));
        (a0, a1) = (BlaMka(a0, b0), BlaMka(a1, b1));
        (d0, d1) = (RotateRight16(d0 ^ a0), RotateRight16(d1 ^ a1));
        (c0, c1) = (BlaMka(c0, d0), BlaMka(c1, d1));
        (b0, b1) = (RotateRight63(b0 ^ c0), RotateRight63(b1 ^ c1));
    }

    /// <summary>x + y + 2 · lo32(x) · lo32(y) per word; vpmuludq multiplies exactly the low halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> BlaMka(Vector256<ulong> x, Vector256<ulong> y)
    {
        var product = Avx2.Multiply(x.AsUInt32(), y.AsUInt32());
        return x + y + product + product;
    }

    // Rotations by whole bytes are byte shuffles (one instruction); by 63, a shift and an add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight32(Vector256<ulong> x) => Avx2.Shuffle(x.AsUInt32(), 0b10_11_00_01).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight24(Vector256<ulong> x) => Avx2.Shuffle(x.AsByte(), Vector256.Create(
        (byte)3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10, 3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight16(Vector256<ulong> x) => Avx2.Shuffle(x.AsByte(), Vector256.Create(
        (byte)2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9, 2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateRight63(Vector256<ulong> x) => (x >>> 63) ^ (x + x);
}
