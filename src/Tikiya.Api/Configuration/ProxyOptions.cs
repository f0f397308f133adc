using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Tikiya.Api.Configuration;

public sealed class ProxyOptions
{
    /// <summary>
    /// Comma-separated addresses or CIDR networks whose X-Forwarded-For and X-Forwarded-Proto are believed. Anyone else
    /// could forge them to dodge the per-address limits, so the default is the loopback proxy only.
    /// </summary>
    [ConfigurationKeyName("TRUSTED_PROXIES"), Required(ErrorMessage = "TRUSTED_PROXIES must list at least one address or network.")]
    public string TrustedProxies { get; set; } = "127.0.0.1,::1";

    public IReadOnlyList<IPNetwork> Networks() =>
        [.. TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseNetwork)];

    public static bool TryParseNetwork(string value, out IPNetwork network)
    {
        if (IPAddress.TryParse(value, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(value, out network);
    }

    private static IPNetwork ParseNetwork(string value) =>
        TryParseNetwork(value, out var network) ? network : throw new FormatException($"TRUSTED_PROXIES: '{value}' is not an address or network.");
}
