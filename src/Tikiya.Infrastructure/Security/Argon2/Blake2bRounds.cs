using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>BLAKE2b's compression function F (RFC 7693 §3.2).</summary>
internal static class Blake2bRounds
{
    public static ReadOnlySpan<ulong> InitialVector =>
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    public static void Compress(ref Blake2bChain chain, ReadOnlySpan<byte> block, ulong bytesSoFar, bool isLastBlock)
    {
        SixteenWords message = default;
        SixteenWords v = default;
        for (var i = 0; i < 16; i++)
        {
            message[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * sizeof(ulong))..]);
        }

        ((ReadOnlySpan<ulong>)chain).CopyTo(v);
        InitialVector.CopyTo(((Span<ulong>)v)[8..]);
        v[12] ^= bytesSoFar;
        if (isLastBlock)
        {
            v[14] = ~v[14];
        }

        for (var round = 0; round < 12; round++)
        {
            var s = Sigma.Slice(round % 10 * 16, 16);
            Mix(ref v, 0, 4, 8, 12, message[s[0]], message[s[1]]);
            Mix(ref v, 1, 5, 9, 13, message[s[2]], message[s[3]]);
            Mix(ref v, 2, 6, 10, 14, message[s[4]], message[s[5]]);
            Mix(ref v, 3, 7, 11, 15, message[s[6]], message[s[7]]);
            Mix(ref v, 0, 5, 10, 15, message[s[8]], message[s[9]]);
            Mix(ref v, 1, 6, 11, 12, message[s[10]], message[s[11]]);
            Mix(ref v, 2, 7, 8, 13, message[s[12]], message[s[13]]);
            Mix(ref v, 3, 4, 9, 14, message[s[14]], message[s[15]]);
        }

        for (var i = 0; i < 8; i++)
        {
            chain[i] ^= v[i] ^ v[i + 8];
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<ulong>)message));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<ulong>)v));
    }

    private static void Mix(ref SixteenWords v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] += v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] += v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
