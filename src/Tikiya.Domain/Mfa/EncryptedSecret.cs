namespace Tikiya.Domain.Mfa;

/// <summary>A TOTP secret as it is stored: its ciphertext and the id of the key that made it.</summary>
public sealed record EncryptedSecret(byte[] Ciphertext, byte[] KeyId)
{
    public override string ToString() => nameof(EncryptedSecret);
}
