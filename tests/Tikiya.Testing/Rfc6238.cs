using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Tikiya.Testing;

/// <summary>
/// TOTP codes computed as RFC 6238 (over RFC 4226's HOTP) says, with nothing of Otp.NET, so that the tests check
/// TotpSecrets against the standard rather than against the library it uses: HMAC-SHA-1 of the step as a big-endian
/// 64-bit counter, dynamic truncation, six digits. Rfc6238Tests (Tikiya.Infrastructure.UnitTests) checks it against the RFC's vectors.
/// </summary>
public static class Rfc6238
{
    public const int StepSeconds = 30;

    /// <summary>RFC 6238 appendix B's SHA-1 secret.</summary>
    public static readonly byte[] AppendixBSecret = "12345678901234567890"u8.ToArray();

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>RFC 6238 appendix B, SHA-1: each Unix time and the eight-digit code of <see cref="AppendixBSecret"/>.</summary>
    public static IEnumerable<TestCaseData> AppendixB() =>
    [
        new(59L, "94287082"),
        new(1_111_111_109L, "07081804"),
        new(1_111_111_111L, "14050471"),
        new(1_234_567_890L, "89005924"),
        new(2_000_000_000L, "69279037"),
        new(20_000_000_000L, "65353130"),
    ];

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static string CodeAt(byte[] secret, DateTimeOffset at) => Code(secret, StepAt(at));

    /// <summary>The code an authenticator app shows at <paramref name="at"/> for the base32 secret it was given.</summary>
    public static string CodeAt(string base32Secret, DateTimeOffset at) => CodeAt(DecodeBase32(base32Secret), at);

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 6238's SHA-1 mode, what authenticator apps compute; HMAC-SHA-1 is not weakened by SHA-1's collisions.")]
    public static string Code(byte[] secret, long step, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hmac = HMACSHA1.HashData(secret, counter);
        var offset = hmac[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hmac.AsSpan(offset, sizeof(int))) & 0x7fff_ffff;
        var code = binary % (int)Math.Pow(10, digits);
        return code.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>RFC 4648 base32, as authenticator apps read a typed secret: upper case, padding optional.</summary>
    public static byte[] DecodeBase32(string base32)
    {
        var bytes = new List<byte>();
        var (buffer, bits) = (0, 0);
        foreach (var symbol in base32.TrimEnd('='))
        {
            var value = Base32Alphabet.IndexOf(symbol, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{symbol}' is not a base32 symbol.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
