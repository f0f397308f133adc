namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>An account whose second factor is on: its secret (as the app scanned it), its recovery codes, and the session that switched it on.</summary>
public sealed record MfaAccount(string Secret, IReadOnlyList<string> RecoveryCodes, Tokens Session)
{
    /// <summary>The authenticator app's code at the app's time.</summary>
    public string CodeAt(DateTimeOffset now) => Rfc6238.CodeAt(Secret, now);
}
