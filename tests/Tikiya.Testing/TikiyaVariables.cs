using System.Reflection;
using Microsoft.Extensions.Configuration;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Testing;

/// <summary>
/// Every environment variable the API reads, found on its options classes, so that a developer's own shell
/// (JWT_ACCESS_TOKEN_TTL_SECS=60, say) never changes what the tests see.
/// </summary>
public static class TikiyaVariables
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. new[] { typeof(DatabaseOptions).Assembly, typeof(Program).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(property => property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal),
        "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    public static void ClearFromThisProcess()
    {
        foreach (var name in All)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
