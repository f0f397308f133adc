using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Api.IntegrationTests.Persistence;

/// <summary>The database's command timeout is derived from the request timeout, not a setting of its own.</summary>
public sealed class CommandTimeoutTests
{
    [Test]
    public async Task CommandTimeout_FollowsTheRequestTimeout()
    {
        await using var app = TestSetup.Factory.WithWebHostBuilder(b => b.UseSetting("HTTP_REQUEST_TIMEOUT_SECS", "12"));

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.That(database.CommandTimeoutSecs, Is.EqualTo(12));
    }
}
