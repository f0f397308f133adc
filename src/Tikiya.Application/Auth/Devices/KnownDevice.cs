using Tikiya.Domain.Devices;

namespace Tikiya.Application.Auth.Devices;

/// <summary>A valid device token of the account, as the login presented it.</summary>
/// <param name="Id">Its row.</param>
/// <param name="Token">The token itself, which the login's answer gives back.</param>
internal sealed record KnownDevice(Guid Id, string Token)
{
    /// <summary>Where a login from this device reserves and counts its attempts.</summary>
    public string ThrottleKey => DeviceToken.ThrottleKeyOf(Id);

    public override string ToString() => nameof(KnownDevice); // never print the token
}
