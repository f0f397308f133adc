using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Maintenance;

/// <summary>Background work (the purge) has a context of its own, so its command timeout never reaches a request's.</summary>
public sealed class BackgroundWorkDbContextTests
{
    [Test]
    public async Task BackgroundWorkContext_InAScope_IsItsOwnWithTheMaintenanceTimeout()
    {
        await using var scope = TestSetup.Factory.Services.CreateAsyncScope();

        var requests = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var background = scope.ServiceProvider.GetRequiredKeyedService<IApplicationDbContext>(IApplicationDbContext.BackgroundWork);

        Assert.That(background, Is.Not.SameAs(requests));
        Assert.That(background.Database.GetCommandTimeout(), Is.EqualTo((int)TimeSpan.FromMinutes(10).TotalSeconds));
        Assert.That(requests.Database.GetCommandTimeout(), Is.Null, "the connection string's: the request timeout");
    }
}
