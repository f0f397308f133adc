using System.ComponentModel.DataAnnotations;
using System.Net;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

public sealed class ProxyOptions
{
    // Anyone else could forge these headers to dodge the per-address limits, so the default is the loopback proxy only.
    [Setting("TRUSTED_PROXIES", "Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: addresses or CIDR networks, comma-separated")]
    [Required(ErrorMessage = "TRUSTED_PROXIES must list at least one address or network.")]
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
