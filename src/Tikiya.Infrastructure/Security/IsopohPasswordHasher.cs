using System.Security.Cryptography;
using System.Text;
using Isopoh.Cryptography.Argon2;
using Isopoh.Cryptography.SecureArray;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Argon2id in managed code (Isopoh.Cryptography.Argon2), for platforms without native libsodium
/// (<c>PASSWORD_HASHER=isopoh</c>). Its PHC strings are interchangeable with libsodium's, so switching needs no rehash.
/// </summary>
internal sealed class IsopohPasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int Lanes = 1; // OWASP's parameters and libsodium's only value; Isopoh would default to 4

    // Zero the working memory but never mlock it: locking fails under a low RLIMIT_MEMLOCK (systemd, containers), and the
    // hasher must behave the same whatever the process's lock limit.
    private static readonly SecureArrayCall ZeroedNotLocked = new(
        SecureArray.DefaultCall.ZeroMemory, lockMemory: (_, _) => null, unlockMemory: (_, _) => { }, SecureArray.DefaultCall.Os);

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;
        var config = new Argon2Config
        {
            Type = Argon2Type.HybridAddressing, // Argon2id
            Version = Argon2Version.Nineteen,
            TimeCost = settings.Iterations,
            MemoryCost = settings.MemoryKib,
            Lanes = Lanes,
            Threads = Lanes,
            Password = Encoding.UTF8.GetBytes(password),
            Salt = RandomNumberGenerator.GetBytes(SaltBytes),
            HashLength = HashBytes,
            ClearPassword = true,
            SecureArrayCall = ZeroedNotLocked,
        };
        return ValueTask.FromResult(Argon2.Hash(config));
    }

    public ValueTask<bool> VerifyAsync(string password, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(passwordHash);
        cancellationToken.ThrowIfCancellationRequested();
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return ValueTask.FromResult(Argon2.Verify(passwordHash, passwordBytes, Lanes, ZeroedNotLocked));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            return ValueTask.FromResult(false); // a malformed stored hash matches no password
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }
}
