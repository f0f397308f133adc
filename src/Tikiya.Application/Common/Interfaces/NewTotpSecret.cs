using Tikiya.Domain.Mfa;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>A new TOTP secret: as stored, and as its owner types or scans it into an authenticator app (API.md <c>TotpEnrolment</c>).</summary>
public sealed record NewTotpSecret(EncryptedSecret Stored, string Base32, string OtpauthUri)
{
    public override string ToString() => nameof(NewTotpSecret); // never print the secret
}
