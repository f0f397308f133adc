using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

/// <summary>Listens on PORT on every interface and applies the body limit at the socket (HTTP_MAX_BODY_BYTES).</summary>
internal sealed class KestrelSetup(IOptions<ServerOptions> server, IOptions<HttpResilienceOptions> resilience)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        options.AddServerHeader = false;
        try
        {
            options.ListenAnyIP(server.Value.Port);
            options.Limits.MaxRequestBodySize = resilience.Value.MaxBodyBytes;
        }
        catch (OptionsValidationException)
        {
            // The host builds Kestrel's options before StartupValidation runs; a bad value is left for it to report,
            // as one line among every other bad variable, and the process exits before it listens.
        }
    }
}
