using Mediator;

namespace Tikiya.Application.Auth.LoginMfa;

/// <summary>Body of <c>POST /api/v1/auth/login/mfa</c> (API.md v1.1): the first step's token and a TOTP or recovery code.</summary>
public sealed record LoginMfaCommand(string MfaToken, string Code) : ICommand<TokensResponse>
{
    public override string ToString() => nameof(LoginMfaCommand); // never print the token or the code
}
