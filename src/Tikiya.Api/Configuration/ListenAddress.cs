using System.Net;
using System.Net.Sockets;

namespace Tikiya.Api.Configuration;

/// <summary>An address a listener binds: IPv6, or IPv4 written as four numbers.</summary>
internal static class ListenAddress
{
    /// <summary>
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> also reads "8080" as 0.0.31.144 and "127.1" as
    /// 127.0.0.1: a port or a typo there must be refused, not bound.
    /// </summary>
    public static bool TryParse(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(value, out address)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 || value.Split('.').Length == 4);
}
