using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>Gives every request the connection address of a client that TestServer cannot have.</summary>
public sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
{
    /// <summary>The app of <paramref name="factory"/>, with every request coming from <paramref name="address"/>.</summary>
    public static WebApplicationFactory<Program> From(WebApplicationFactory<Program> factory, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddTransient<IStartupFilter>(_ => new RemoteAddressFilter(address))));
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
