namespace Tikiya.Application.Mfa.EnrolTotp;

/// <summary>API.md v1.1's <c>TotpEnrolment</c>: the secret (base32) to type in, or the <c>otpauth://</c> URI to scan.</summary>
public sealed record TotpEnrolmentResponse(string Secret, string OtpauthUri)
{
    public override string ToString() => nameof(TotpEnrolmentResponse); // never print the secret
}
