using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.Resilience;

/// <summary>On SIGTERM the host stops accepting, lets in-flight requests finish for HTTP_DRAIN_TIMEOUT_SECS, exits 0.</summary>
internal sealed class HostShutdownSetup(IOptions<HttpResilienceOptions> resilience) : IConfigureOptions<HostOptions>
{
    public void Configure(HostOptions options)
    {
        try
        {
            options.ShutdownTimeout = TimeSpan.FromSeconds(resilience.Value.DrainTimeoutSecs);
        }
        catch (OptionsValidationException)
        {
            // Reported by StartupValidation with every other bad variable; the process does not start.
        }
    }
}
