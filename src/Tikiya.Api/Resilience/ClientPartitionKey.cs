using System.Net;

namespace Tikiya.Api.Resilience;

/// <summary>
/// Whose bucket a request draws from. An IPv4 client is its address; an IPv6 client is its network of
/// AUTH_RATE_LIMIT_IPV6_PREFIX bits, because one host usually holds a whole /64 and could otherwise take a fresh
/// bucket per address. An IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4 client) counts as IPv4.
/// </summary>
internal static class ClientPartitionKey
{
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address, int ipv6PrefixLength)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes(); // without the scope id: fe80::1%eth0 and fe80::1%eth1 are one client
        for (var bit = ipv6PrefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPNetwork(new IPAddress(bytes), ipv6PrefixLength).ToString();
    }
}
