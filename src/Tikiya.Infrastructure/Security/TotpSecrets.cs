using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OtpNet;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// TOTP with Otp.NET (RFC 6238: HMAC-SHA-1, six digits, 30 s), and its secrets encrypted with AES-256-GCM under a key
/// derived from <see cref="MfaKeys"/> (JWT_SECRET unless MFA_ENCRYPTION_KEY is set), so that a copy of the database
/// alone holds no usable secret and no new variable is needed. The account's id is the associated data: a ciphertext moved to another account's row
/// does not decrypt. The previous secret, when set, still decrypts the secrets made under it, which are re-encrypted
/// under the current one at their next use and by the purge; each row names its key by an id (a keyed digest of the key,
/// which tells nothing of it).
/// </summary>
internal sealed partial class TotpSecrets : ITotpSecrets
{
    private const int SecretBytes = 20; // RFC 4226's recommended length, what authenticator apps expect for SHA-1
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int KeyIdBytes = 8;
    private static readonly byte[] Purpose = "tikiya/totp-secret/v1"u8.ToArray();
    private static readonly byte[] KeyIdLabel = "tikiya/totp-secret/key-id"u8.ToArray();

    private readonly Key _current;
    private readonly Key? _previous;
    private readonly string _issuer;
    private readonly ILogger<TotpSecrets> _logger;

    public TotpSecrets(IOptions<JwtOptions> jwt, IOptions<MfaOptions> mfa, ILogger<TotpSecrets> logger)
    {
        var keys = new MfaKeys(jwt, mfa);
        _current = new Key(keys.Current(Purpose));
        _previous = keys.Previous(Purpose) is { } previous ? new Key(previous) : null;
        _issuer = mfa.Value.Issuer;
        _logger = logger;
    }

    public byte[] CurrentKeyId => _current.Id;

    public bool Knows(byte[] keyId) => KeyOf(keyId) is not null;

    public NewTotpSecret Create(Guid userId, string accountName)
    {
        var secret = KeyGeneration.GenerateRandomKey(SecretBytes);
        try
        {
            var base32 = Base32Encoding.ToString(secret);
            var uri = new OtpUri(OtpType.Totp, base32, accountName, _issuer, OtpHashMode.Sha1, TotpAuthenticator.Digits,
                TotpAuthenticator.StepSeconds);
            return new NewTotpSecret(Encrypt(userId, secret), base32, uri.ToString());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public long? MatchStep(Guid userId, EncryptedSecret secret, string code, DateTimeOffset now, Func<long, bool> mayAccept)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(mayAccept);
        var key = Decrypt(userId, secret);
        if (key is null)
        {
            return null;
        }

        try
        {
            var totp = new Totp(key, TotpAuthenticator.StepSeconds, OtpHashMode.Sha1, TotpAuthenticator.Digits);
            var presented = Encoding.ASCII.GetBytes(code);
            var current = TotpAuthenticator.StepAt(now);
            long? matched = null;
            // Every step of the window is computed and compared, so the time taken says nothing of which one matched.
            for (var step = current - TotpAuthenticator.DriftSteps; step <= current + TotpAuthenticator.DriftSteps; step++)
            {
                var expected = Encoding.ASCII.GetBytes(totp.ComputeTotp(StartOf(step)));
                if (CryptographicOperations.FixedTimeEquals(expected, presented) && mayAccept(step))
                {
                    matched ??= step;
                }
            }

            return matched;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public EncryptedSecret? Reencrypt(Guid userId, EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (CryptographicOperations.FixedTimeEquals(secret.KeyId, _current.Id) || Decrypt(userId, secret) is not { } key)
        {
            return null;
        }

        try
        {
            return Encrypt(userId, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static DateTime StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * TotpAuthenticator.StepSeconds).UtcDateTime;

    private EncryptedSecret Encrypt(Guid userId, byte[] secret)
    {
        var sealedSecret = new byte[NonceBytes + secret.Length + TagBytes];
        var nonce = sealedSecret.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.Bytes, TagBytes);
        aes.Encrypt(nonce, secret, sealedSecret.AsSpan(NonceBytes, secret.Length), sealedSecret.AsSpan(NonceBytes + secret.Length),
            AssociatedData(userId));
        return new EncryptedSecret(sealedSecret, _current.Id);
    }

    private byte[]? Decrypt(Guid userId, EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = KeyOf(secret.KeyId);
        var sealedSecret = secret.Ciphertext;
        if (key is null || sealedSecret.Length <= NonceBytes + TagBytes)
        {
            LogUnreadable(userId);
            return null;
        }

        var plain = new byte[sealedSecret.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagBytes);
            aes.Decrypt(sealedSecret.AsSpan(0, NonceBytes), sealedSecret.AsSpan(NonceBytes, plain.Length),
                sealedSecret.AsSpan(NonceBytes + plain.Length), plain, AssociatedData(userId));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            LogUnreadable(userId);
            return null;
        }
    }

    private Key? KeyOf(byte[] keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return CryptographicOperations.FixedTimeEquals(keyId, _current.Id) ? _current
            : _previous is { } previous && CryptographicOperations.FixedTimeEquals(keyId, previous.Id) ? previous
            : null;
    }

    private static byte[] AssociatedData(Guid userId) => [.. Purpose, .. userId.ToByteArray(bigEndian: true)];

    // A secret no configured key opens: JWT_SECRET changed without JWT_SECRET_PREVIOUS, or a row copied or altered.
    // Its owner's recovery codes are keyed from the same secret: an operator switches the second factor off for them
    // (docs/operations.md, "A user lost their authenticator and their recovery codes").
    [LoggerMessage(Level = LogLevel.Error,
        Message = "The TOTP secret of user {UserId} cannot be decrypted with the second factor's current or previous key (MFA_ENCRYPTION_KEY or JWT_SECRET, and its _PREVIOUS; docs/operations.md)")]
    private partial void LogUnreadable(Guid userId);

    private sealed class Key(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public byte[] Id { get; } = HMACSHA256.HashData(bytes, KeyIdLabel)[..KeyIdBytes];
    }
}
