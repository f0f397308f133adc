using Microsoft.Extensions.Hosting;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Computes the dummy hash for unknown emails at start, so the first unknown-email login costs what every other
/// failed login costs (API.md: "about the same time").
/// </summary>
internal sealed class PasswordHasherWarmUp(IPasswordHasher hasher) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await hasher.VerifyAsync("warm-up", passwordHash: null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
