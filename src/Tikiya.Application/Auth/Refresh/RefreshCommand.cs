using Mediator;

namespace Tikiya.Application.Auth.Refresh;

/// <summary>Body of <c>POST /api/v1/auth/refresh</c>; its property names are part of the contract (API.md).</summary>
public sealed record RefreshCommand(string RefreshToken) : ICommand<TokensResponse>
{
    public override string ToString() => nameof(RefreshCommand); // never print the token
}
