using Mediator;

namespace Tikiya.Application.Auth.Login;

/// <summary>Body of <c>POST /api/v1/auth/login</c>; its property names are part of the contract (API.md).</summary>
/// <param name="Email">The account's email.</param>
/// <param name="Password">Its password.</param>
/// <param name="DeviceName">
/// Optional (API.md v1.1): a name for the device, shown in the session list so that its owner can tell sessions apart.
/// </param>
/// <param name="DeviceToken">
/// Optional (API.md v1.1): the <c>deviceToken</c> an earlier login of this device answered. A valid one of the account
/// has the login throttled on its own count; any other is as none.
/// </param>
public sealed record LoginCommand(string Email, string Password, string? DeviceName = null, string? DeviceToken = null)
    : ICommand<TokensResponse>
{
    // A record prints every property; this one holds a password, so it prints none.
    public override string ToString() => nameof(LoginCommand);
}
