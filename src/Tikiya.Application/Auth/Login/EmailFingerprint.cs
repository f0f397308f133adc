using System.Security.Cryptography;
using System.Text;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Login;

/// <summary>
/// The SHA-256 of a normalized email, in hex: the throttle's key and, shortened, what logs show instead of the address.
/// </summary>
internal static class EmailFingerprint
{
    private const int LogPrefixLength = 12;

    public static string Of(Email email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Normalized)));
    }

    public static string ForLog(string fingerprint) => fingerprint[..LogPrefixLength];
}
