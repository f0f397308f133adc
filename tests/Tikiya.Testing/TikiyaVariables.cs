using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api;
using Tikiya.Infrastructure;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Testing;

/// <summary>
/// Every environment variable the API reads, from its settings' catalogue, so that a developer's own shell
/// (JWT_ACCESS_TOKEN_TTL_SECS=60, say) never changes what the tests see.
/// </summary>
public static class TikiyaVariables
{
    public static IReadOnlyList<string> All { get; } =
        [.. Declared(), "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    public static void ClearFromThisProcess()
    {
        foreach (var name in All)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    private static List<string> Declared()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddInfrastructure(configuration).AddApi(configuration).BuildServiceProvider();
        return [.. Setting.Catalogue(services).Select(setting => setting.Variable)];
    }
}
