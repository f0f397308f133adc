using Microsoft.Extensions.Hosting;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Computes the dummy hash for unknown emails at start, so the first unknown-email login costs what every other
/// failed login costs (API.md: "about the same time"). It goes through the bulkhead like any hash, which also puts the
/// bulkhead's gauges on /metrics from the start rather than from the first login.
/// </summary>
internal sealed class PasswordHasherWarmUp(IPasswordHasher hasher, IPasswordHashingCapacity hashing) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (await hashing.EnterAsync(cancellationToken))
        {
            await hasher.VerifyAsync("warm-up", passwordHash: null, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
