using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Tikiya.Testing.Builders;

/// <summary>
/// RFC 6238 as an authenticator app computes it (HMAC-SHA-1, six digits, 30-second steps), written here on its own so
/// that the tests do not check the API's library against itself.
/// </summary>
public static class TotpCodes
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code of <paramref name="base32Secret"/> at <paramref name="at"/>.</summary>
    public static string At(string base32Secret, DateTimeOffset at) => OfStep(base32Secret, at.ToUnixTimeSeconds() / 30);

    /// <summary>The code of <paramref name="base32Secret"/> for the time step <paramref name="step"/> (Unix time / 30).</summary>
    [SuppressMessage("Security", "CA5350", Justification = "RFC 6238's SHA-1, which authenticator apps compute; not a new use of it")]
    public static string OfStep(string base32Secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Secret), counter);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] FromBase32(string base32)
    {
        ArgumentNullException.ThrowIfNull(base32);
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in base32.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
