using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>Gives every request the connection address of a client that TestServer cannot have.</summary>
internal sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
{
    /// <summary>
    /// Every request from <paramref name="address"/>. From 127.0.0.1 (in TRUSTED_PROXIES by default), a request's
    /// X-Forwarded-For names its client, so one app can serve many clients.
    /// </summary>
    public static void From(IWebHostBuilder builder, IPAddress address) =>
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter>(_ => new RemoteAddressFilter(address)));

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
