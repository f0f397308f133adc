namespace Tikiya.Application.Common.Interfaces;

/// <summary>A code or link token for the mail, and the hash the database keeps instead of it.</summary>
public sealed record OneTimeSecret(string Value, byte[] Hash)
{
    public override string ToString() => nameof(OneTimeSecret); // never print the secret
}
