using Tikiya.Application.Auth.Devices;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Device tokens (API.md v1.1): opaque, 256 random bits, stored only as a keyed hash, so that a copy of the table alone
/// names no device a login could present.
/// </summary>
public interface IDeviceTokenCodec
{
    /// <summary>A new token, with the hash its row keeps.</summary>
    NewDeviceToken Create();

    /// <summary>The hash a presented token would have been stored under (any string: one of no use matches nothing).</summary>
    byte[] Hash(string deviceToken);
}
