using Mediator;
using Tikiya.Application.Users;

namespace Tikiya.Application.Auth.Register;

/// <summary>Body of <c>POST /api/v1/auth/register</c>; its property names are part of the contract (API.md).</summary>
public sealed record RegisterCommand(string Email, string Password) : ICommand<UserResponse>
{
    // A record prints every property; this one holds a password, so it prints none.
    public override string ToString() => nameof(RegisterCommand);
}
