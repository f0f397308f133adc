using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (options.BindAddress.Length > 0 && !ListenAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"BIND_ADDRESS must be an IPv4 or IPv6 address, or empty for every interface; not valid: '{options.BindAddress}'.");
        }

        if (!ListenAddress.TryParse(options.MetricsAddress, out _))
        {
            failures.Add($"METRICS_ADDRESS must be an IPv4 or IPv6 address; not valid: '{options.MetricsAddress}'.");
        }

        // The management pipeline is chosen by the connection's local port, so the two listeners need two ports.
        if (options.MetricsEnabled && options.MetricsPort == options.Port)
        {
            failures.Add($"METRICS_PORT must differ from PORT ({options.Port}): metrics have a listener of their own (0 turns it off).");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
