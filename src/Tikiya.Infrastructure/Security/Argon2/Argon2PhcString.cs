using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// The PHC string libsodium writes and reads: <c>$argon2id$v=19$m=…,t=…,p=…$salt$tag</c>, salt and tag in standard
/// base64 without padding. Parsing is strict (canonical base64, version 19 only) and bounded, so a stored hash can
/// neither be read two ways nor ask for more memory or passes than the configuration allows.
/// </summary>
internal static partial class Argon2PhcString
{
    private const int MinSaltBytes = 8; // RFC 9106's reference implementation; libsodium writes 16
    private const int MaxSaltBytes = 64;
    private const int MinTagBytes = 4;
    private const int MaxTagBytes = 64;

    public static string Format(Argon2Parameters cost, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> tag) =>
        string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={cost.MemoryKib},t={cost.Iterations},p={cost.Lanes}${Base64(salt)}${Base64(tag)}");

    public static bool TryParse(string phc, int maxMemoryKib, int maxIterations, out Argon2Parameters cost,
        [NotNullWhen(true)] out byte[]? salt, [NotNullWhen(true)] out byte[]? tag)
    {
        (cost, salt, tag) = (default, null, null);
        var match = Shape().Match(phc);
        if (!match.Success
            || !int.TryParse(match.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var memoryKib)
            || !int.TryParse(match.Groups["t"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || !int.TryParse(match.Groups["p"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var lanes)
            || memoryKib > maxMemoryKib || iterations > maxIterations || memoryKib < 8 * lanes
            || !TryDecode(match.Groups["salt"].Value, MinSaltBytes, MaxSaltBytes, out salt)
            || !TryDecode(match.Groups["tag"].Value, MinTagBytes, MaxTagBytes, out tag))
        {
            return false;
        }

        cost = new Argon2Parameters(memoryKib, iterations, lanes);
        return true;
    }

    private static string Base64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string unpadded, int minBytes, int maxBytes, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (unpadded.Length % 4 == 1)
        {
            return false;
        }

        var decoded = new byte[unpadded.Length * 3 / 4];
        var padded = unpadded.PadRight((unpadded.Length + 3) / 4 * 4, '=');
        if (!Convert.TryFromBase64String(padded, decoded, out var written) || written != decoded.Length
            || written < minBytes || written > maxBytes || Base64(decoded) != unpadded) // canonical: unused bits zero
        {
            return false;
        }

        bytes = decoded;
        return true;
    }

    [GeneratedRegex(@"\A\$argon2id\$v=19\$m=(?<m>[1-9][0-9]{0,9}),t=(?<t>[1-9][0-9]{0,9}),p=(?<p>[1-9][0-9]{0,2})"
        + @"\$(?<salt>[A-Za-z0-9+/]+)\$(?<tag>[A-Za-z0-9+/]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
