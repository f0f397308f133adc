namespace Tikiya.Application.Mfa;

/// <summary>API.md v1.1's <c>{ "recoveryCodes": [string] }</c>: shown once, never again.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes)
{
    public override string ToString() => nameof(RecoveryCodesResponse); // never print the codes
}
