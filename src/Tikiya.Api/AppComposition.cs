using Tikiya.Application;
using Tikiya.Infrastructure;

namespace Tikiya.Api;

/// <summary>
/// Every layer's services, composed in one place: Program.cs runs them, and the configuration tests build them on an
/// environment of their own, so that a test validates exactly the options and validators the binary does.
/// </summary>
internal static class AppComposition
{
    public static IServiceCollection AddTikiya(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddApplication()
            .AddInfrastructure(configuration)
            .AddApi(configuration);
}
