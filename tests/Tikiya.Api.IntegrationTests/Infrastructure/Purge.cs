using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Auth.Maintenance;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>One run of the purge in the shared app, as its background job sends it.</summary>
public static class Purge
{
    public static async Task<PurgeResult> RunAsync(int batchSize = PurgeExpiredCommand.DefaultBatchSize)
    {
        await using var scope = TestSetup.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeExpiredCommand(batchSize));
    }
}
