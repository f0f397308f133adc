namespace Tikiya.Application.Auth.Devices;

/// <summary>A device token for the client and the keyed hash the database keeps instead of it.</summary>
public sealed record NewDeviceToken(string Token, byte[] Hash)
{
    public override string ToString() => nameof(NewDeviceToken); // never print the token
}
