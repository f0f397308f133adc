using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Resilience;

/// <summary>X-Forwarded-For names the client only when a trusted proxy says so (TRUSTED_PROXIES).</summary>
public sealed class ForwardedHeadersTests : SharedDatabaseTest
{
    [Test]
    public async Task Login_ThroughALoopbackProxy_RecordsTheForwardedClient()
    {
        await using var api = await RunningApi.StartAsync(TestSetup.Database.Url);
        await new UserBuilder().RegisterAsync(api.Client);
        api.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        await api.Client.LoginOkAsync();

        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.IpAddress).SingleAsync()), Is.EqualTo(IPAddress.Parse("203.0.113.9")));
    }

    [Test]
    public async Task Login_FromAnUntrustedAddress_IgnoresXForwardedFor()
    {
        // The loopback connection is not trusted when TRUSTED_PROXIES names another proxy only.
        await using var api = await RunningApi.StartAsync(TestSetup.Database.Url,
            new Dictionary<string, string> { ["TRUSTED_PROXIES"] = "10.9.8.7" });
        await new UserBuilder().RegisterAsync(api.Client);
        api.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        await api.Client.LoginOkAsync();

        Assert.That(await QueryAsync(db => db.Sessions.Select(s => s.IpAddress).SingleAsync()), Is.EqualTo(IPAddress.Loopback));
    }
}
