using Tikiya.Domain.Mfa;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// TOTP secrets (RFC 6238: SHA-1, six digits, 30-second steps) and the key that encrypts them at rest, which is not in
/// the database: derived from JWT_SECRET, with JWT_SECRET_PREVIOUS still decrypting during a rotation (docs/operations.md).
/// Every secret is bound to its account, so a ciphertext copied onto another account's row decrypts to nothing.
/// </summary>
public interface ITotpSecrets
{
    /// <summary>The id of the key new secrets are encrypted with (what a re-encryption moves old ones to).</summary>
    byte[] CurrentKeyId { get; }

    /// <summary>Whether <paramref name="keyId"/> is a configured key's (JWT_SECRET's or JWT_SECRET_PREVIOUS's).</summary>
    bool Knows(byte[] keyId);

    /// <summary>A new random secret for <paramref name="userId"/>: encrypted for its row, and shown once to its owner.</summary>
    NewTotpSecret Create(Guid userId, string accountName);

    /// <summary>
    /// The time step, among the current one and <see cref="TotpAuthenticator.DriftSteps"/> either side, that
    /// <paramref name="code"/> is the code of and <paramref name="mayAccept"/> allows; null for none. Every step is
    /// compared, in constant time, whatever matched. A secret no configured key decrypts matches nothing.
    /// </summary>
    long? MatchStep(Guid userId, EncryptedSecret secret, string code, DateTimeOffset now, Func<long, bool> mayAccept);

    /// <summary>The secret under the current key when an earlier one encrypted it; null when it is current or unreadable.</summary>
    EncryptedSecret? Reencrypt(Guid userId, EncryptedSecret secret);
}
