using System.Security.Cryptography;
using Isopoh.Cryptography.Argon2;
using Isopoh.Cryptography.SecureArray;
using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Options;
// The class, not this project's Security.Argon2 namespace, which the plain name would find first.
using IsopohArgon2 = Isopoh.Cryptography.Argon2.Argon2;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Argon2id in managed code (Isopoh.Cryptography.Argon2), for platforms without native libsodium
/// (<c>PASSWORD_HASHER=isopoh</c>). Its PHC strings are interchangeable with libsodium's, so switching needs no rehash.
/// </summary>
internal sealed class IsopohPasswordHasher(IOptions<PasswordHashingOptions> options) : Argon2PasswordHasher(options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int Lanes = 1; // OWASP's parameters and libsodium's only value; Isopoh would default to 4

    // Zero the working memory but never mlock it: locking fails under a low RLIMIT_MEMLOCK (systemd, containers), and the
    // hasher must behave the same whatever the process's lock limit.
    internal static readonly SecureArrayCall ZeroedNotLocked = new(
        SecureArray.DefaultCall.ZeroMemory, lockMemory: (_, _) => null, unlockMemory: (_, _) => { }, SecureArray.DefaultCall.Os);

    protected override string Hash(byte[] password) => IsopohArgon2.Hash(new Argon2Config
    {
        Type = Argon2Type.HybridAddressing, // Argon2id
        Version = Argon2Version.Nineteen,
        TimeCost = Settings.Iterations,
        MemoryCost = Settings.MemoryKib,
        Lanes = Lanes,
        Threads = Lanes,
        Password = password,
        Salt = RandomNumberGenerator.GetBytes(SaltBytes),
        HashLength = HashBytes,
        SecureArrayCall = ZeroedNotLocked,
    });

    protected override bool Verify(string passwordHash, byte[] password) =>
        IsopohArgon2.Verify(passwordHash, password, Lanes, ZeroedNotLocked);
}
