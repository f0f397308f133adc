namespace Tikiya.Testing.Builders;

/// <summary>API.md v1.1's <c>TotpEnrolment</c>, as a client reads it.</summary>
public sealed record TotpEnrolment(string Secret, string OtpauthUri);
