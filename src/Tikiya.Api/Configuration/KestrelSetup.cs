using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

/// <summary>Listens on PORT on every interface and applies the body limit at the socket (HTTP_MAX_BODY_BYTES).</summary>
internal sealed class KestrelSetup(IOptions<ServerOptions> server, IOptions<HttpResilienceOptions> resilience)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        options.ListenAnyIP(server.Value.Port);
        options.AddServerHeader = false;
        options.Limits.MaxRequestBodySize = resilience.Value.MaxBodyBytes;
    }
}
