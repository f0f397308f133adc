using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// G with 256-bit vectors, four words at a time: a row of P's sixteen words is four vectors, so each GB step runs on
/// four words at once and the diagonal step is a lane rotation. A column's words lie in two halves of different rows,
/// so columns are taken in pairs: the four words of two columns in one row are one vector, split by 128-bit permutes.
/// </summary>
internal static class Argon2CompressionAvx2
{
    private const int Vectors = Argon2Block.Bytes / 32;

    public static void Fill(ref Argon2Block previous, ref Argon2Block reference, ref Argon2Block next, ref Argon2Block work,
        bool xorIntoNext)
    {
        var x = AsVectors(ref previous);
        var y = AsVectors(ref reference);
        var w = AsVectors(ref work);
        var n = AsVectors(ref next);
        for (var i = 0; i < Vectors; i++)
        {
            var r = x[i] ^ y[i];
            w[i] = r;
            n[i] = xorIntoNext ? r ^ n[i] : r; // next = P(R) ^ this, at the end
        }

        for (var row = 0; row < Vectors; row += 4)
        {
            var (a, b, c, d) = (w[row], w[row + 1], w[row + 2], w[row + 3]);
            Permute(ref a, ref b, ref c, ref d);
            (w[row], w[row + 1], w[row + 2], w[row + 3]) = (a, b, c, d);
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
            Permute(ref a0, ref b0, ref c0, ref d0);
            Permute(ref a1, ref b1, ref c1, ref d1);
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

    private static Span<Vector256<ulong>> AsVectors(ref Argon2Block block) =>
        MemoryMarshal.Cast<ulong, Vector256<ulong>>(MemoryMarshal.CreateSpan(ref block[0], Argon2Block.Words));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Low(Vector256<ulong> first, Vector256<ulong> second) => Avx2.Permute2x128(first, second, 0x20);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> High(Vector256<ulong> first, Vector256<ulong> second) => Avx2.Permute2x128(first, second, 0x31);

    /// <summary>P on sixteen words v0..v15 held as a = v0..3, b = v4..7, c = v8..11, d = v12..15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Permute(ref Vector256<ulong> a, ref Vector256<ulong> b, ref Vector256<ulong> c, ref Vector256<ulong> d)
    {
        Mix(ref a, ref b, ref c, ref d); // columns: GB(v0, v4, v8, v12) … GB(v3, v7, v11, v15)
        b = Avx2.Permute4x64(b, 0b00_11_10_01); // v5 v6 v7 v4
        c = Avx2.Permute4x64(c, 0b01_00_11_10); // v10 v11 v8 v9
        d = Avx2.Permute4x64(d, 0b10_01_00_11); // v15 v12 v13 v14
        Mix(ref a, ref b, ref c, ref d); // diagonals: GB(v0, v5, v10, v15) … GB(v3, v4, v9, v14)
        b = Avx2.Permute4x64(b, 0b10_01_00_11);
        c = Avx2.Permute4x64(c, 0b01_00_11_10);
        d = Avx2.Permute4x64(d, 0b00_11_10_01);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref Vector256<ulong> a, ref Vector256<ulong> b, ref Vector256<ulong> c, ref Vector256<ulong> d)
    {
        a = BlaMka(a, b);
        d = RotateRight32(d ^ a);
        c = BlaMka(c, d);
        b = RotateRight24(b ^ c);
        a = BlaMka(a, b);
        d = RotateRight16(d ^ a);
        c = BlaMka(c, d);
        b = RotateRight63(b ^ c);
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
