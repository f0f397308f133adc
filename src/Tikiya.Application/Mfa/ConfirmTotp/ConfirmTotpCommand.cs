using Mediator;

namespace Tikiya.Application.Mfa.ConfirmTotp;

/// <summary>Body of <c>POST /api/v1/users/me/mfa/totp/confirm</c>: a code from the app just enrolled (API.md v1.1).</summary>
public sealed record ConfirmTotpCommand(string Code) : ICommand<RecoveryCodesResponse>
{
    public override string ToString() => nameof(ConfirmTotpCommand); // never print the code
}
