using Mediator;

namespace Tikiya.Application.Mfa.ReplaceRecoveryCodes;

/// <summary>Body of <c>POST /api/v1/users/me/mfa/recovery-codes</c>: a TOTP or recovery code (API.md v1.1).</summary>
public sealed record ReplaceRecoveryCodesCommand(string Code) : ICommand<RecoveryCodesResponse>
{
    public override string ToString() => nameof(ReplaceRecoveryCodesCommand); // never print the code
}
