using Microsoft.Extensions.Hosting;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Builds the hasher at start rather than at the first login: it makes the dummy hash for unknown emails (so the first
/// unknown-email login costs what every other failed login costs, API.md: "about the same time"), times a hash to
/// size its queue, and puts its gauges on /metrics from the start.
/// </summary>
internal sealed class PasswordHasherWarmUp(IPasswordHasher hasher) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await hasher.VerifyAsync("warm-up", passwordHash: null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
