using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.Resilience;

/// <summary>On SIGTERM the host stops accepting, lets in-flight requests finish for HTTP_DRAIN_TIMEOUT_SECS, exits 0.</summary>
internal sealed class HostShutdownSetup(IOptions<HttpResilienceOptions> resilience) : IConfigureOptions<HostOptions>
{
    public void Configure(HostOptions options)
    {
        if (resilience.TryGetValid(out var limits))
        {
            options.ShutdownTimeout = TimeSpan.FromSeconds(limits.DrainTimeoutSecs);
        }
    }
}
