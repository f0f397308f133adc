using Mediator;

namespace Tikiya.Application.Auth.Login;

/// <summary>Body of <c>POST /api/v1/auth/login</c>; its property names are part of the contract (API.md).</summary>
public sealed record LoginCommand(string Email, string Password) : ICommand<TokensResponse>
{
    // A record prints every property; this one holds a password, so it prints none.
    public override string ToString() => nameof(LoginCommand);
}
