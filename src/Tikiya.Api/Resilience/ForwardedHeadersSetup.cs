using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.Resilience;

/// <summary>X-Forwarded-For and X-Forwarded-Proto are believed only from TRUSTED_PROXIES.</summary>
internal sealed class ForwardedHeadersSetup(IOptions<ProxyOptions> proxies) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        if (proxies.TryGetValid(out var trusted))
        {
            foreach (var network in trusted.Networks())
            {
                options.KnownIPNetworks.Add(network);
            }
        }
    }
}
