using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

/// <summary>
/// Listens on PORT (on BIND_ADDRESS, or every interface) and on the management port (METRICS_PORT on METRICS_ADDRESS,
/// see <see cref="Observability.ManagementListener"/>), and bounds what one client can hold: the body
/// (HTTP_MAX_BODY_BYTES, 413), the headers (431), and the time a slow client may take to send them or its body, so it
/// cannot keep a connection forever.
/// </summary>
internal sealed class KestrelSetup(IOptions<ServerOptions> server, IOptions<HttpResilienceOptions> resilience)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        options.AddServerHeader = false;
        options.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        options.Limits.MaxRequestLineSize = 8 * 1024;
        options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        options.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(75); // above nginx's upstream keepalive_timeout (60 s)
        options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        options.Limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        if (server.TryGetValid(out var listen))
        {
            if (ListenAddress.TryParse(listen.BindAddress, out var address))
            {
                options.Listen(address, listen.Port);
            }
            else
            {
                options.ListenAnyIP(listen.Port); // IPv6 and IPv4, or IPv4 alone on a host without IPv6
            }

            if (listen.MetricsEnabled && ListenAddress.TryParse(listen.MetricsAddress, out var management))
            {
                options.Listen(management, listen.MetricsPort);
            }
        }

        if (resilience.TryGetValid(out var limits))
        {
            options.Limits.MaxRequestBodySize = limits.MaxBodyBytes;
        }
    }
}
