using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A client of the app's management listener. TestServer has no sockets, so every request would come in on port 0,
/// the API's pipeline: this client's requests say they came in on METRICS_PORT, which is how the app tells them apart.
/// </summary>
public static class ManagementClient
{
    public static HttpClient CreateManagementClient(this WebApplicationFactory<Program> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var port = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MetricsPort;
        return new HttpClient(app.Server.CreateHandler(context => context.Connection.LocalPort = port))
        {
            BaseAddress = new Uri("http://localhost"),
        };
    }
}
