using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var bad = options.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(entry => !ProxyOptions.TryParseNetwork(entry, out _))
            .ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"TRUSTED_PROXIES must be addresses or CIDR networks separated by commas; not valid: {string.Join(", ", bad)}.");
    }
}
