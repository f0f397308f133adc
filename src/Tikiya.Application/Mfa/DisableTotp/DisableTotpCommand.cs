using Mediator;

namespace Tikiya.Application.Mfa.DisableTotp;

/// <summary>Body of <c>POST /api/v1/users/me/mfa/totp/disable</c>: a TOTP or recovery code (API.md v1.1).</summary>
public sealed record DisableTotpCommand(string Code) : ICommand
{
    public override string ToString() => nameof(DisableTotpCommand); // never print the code
}
