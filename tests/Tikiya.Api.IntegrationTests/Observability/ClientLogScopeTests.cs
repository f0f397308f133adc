using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Observability;

/// <summary>Auth events' log lines say who asked: the client's address and user agent, bounded, and never an email.</summary>
public sealed class ClientLogScopeTests : ApiTest
{
    [Test]
    public async Task Login_LogsItsLinesWithTheClientAddressAndUserAgent()
    {
        var capture = new CapturingLoggerProvider();
        await new UserBuilder().SaveAsync(Factory.Services);
        await using var app = Factory.WithWebHostBuilder(b =>
        {
            RemoteAddressFilter.From(b, IPAddress.Parse("203.0.113.7"));
            b.ConfigureLogging(logging => logging.AddProvider(capture));
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TikiyaTests/1.0");

        await client.LoginOkAsync();
        await client.LoginAsync(password: "wrong horse battery");

        var authLines = capture.Lines.Where(line => line.Contains("opened for user", StringComparison.Ordinal)
            || line.Contains("Login failed (WrongPassword)", StringComparison.Ordinal)).ToList();
        Assert.That(authLines, Has.Count.EqualTo(2));
        Assert.That(authLines, Has.All.Contains("ClientAddress=203.0.113.7").And.All.Contains("UserAgent=TikiyaTests/1.0"));
        Assert.That(authLines, Has.None.Contains(UserBuilder.DefaultEmail));
    }

    [Test]
    public async Task Login_WithALongUserAgent_LogsOnlyItsStart()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = app.CreateClient();
        var userAgent = new string('a', 512) + "-the-rest-of-a-long-header";
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);

        await client.LoginAsync("nobody@example.com");

        var line = capture.Lines.Single(l => l.Contains("Login failed (UnknownUser)", StringComparison.Ordinal));
        Assert.That(line, Does.Contain($"UserAgent={userAgent[..512]}").And.Not.Contain("the-rest-of-a-long-header"));
    }
}
