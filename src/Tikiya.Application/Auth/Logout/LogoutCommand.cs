using Mediator;

namespace Tikiya.Application.Auth.Logout;

/// <summary>Body of <c>POST /api/v1/auth/logout</c>; its property names are part of the contract (API.md).</summary>
public sealed record LogoutCommand(string RefreshToken) : ICommand
{
    public override string ToString() => nameof(LogoutCommand); // never print the token
}
