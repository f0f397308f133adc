using Mediator;

namespace Tikiya.Application.Auth.Login;

/// <summary>Body of <c>POST /api/v1/auth/login</c>; its property names are part of the contract (API.md).</summary>
/// <param name="Email">The account's email.</param>
/// <param name="Password">Its password.</param>
/// <param name="DeviceName">
/// Optional (API.md v1.1): a name for the device, shown in the session list so that its owner can tell sessions apart.
/// </param>
public sealed record LoginCommand(string Email, string Password, string? DeviceName = null) : ICommand<TokensResponse>
{
    // A record prints every property; this one holds a password, so it prints none.
    public override string ToString() => nameof(LoginCommand);
}
