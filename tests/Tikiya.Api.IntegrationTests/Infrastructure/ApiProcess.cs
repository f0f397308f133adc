namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>Runs the built API binary as an operator would (<c>tikiya_api</c>, <c>tikiya_api migrate</c>).</summary>
public static class ApiProcess
{
    public const string ValidJwtSecret = TikiyaApiFactory.JwtSecret;

    // Cleared first, so this machine's own settings never leak into a test.
    private static readonly string[] TikiyaVariables =
    [
        "DATABASE_URL", "DATABASE_POOL_MAX", "DATABASE_MIGRATE_ON_STARTUP", "JWT_SECRET", "JWT_ISSUER", "JWT_AUDIENCE",
        "PORT", "HTTP_REQUEST_TIMEOUT_SECS", "HTTP_CONCURRENCY_LIMIT", "HTTP_MAX_BODY_BYTES", "PASSWORD_HASHER",
        "ARGON2_MEMORY_KIB", "ARGON2_ITERATIONS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var variables = TikiyaVariables.ToDictionary(name => name, _ => (string?)null);
        variables["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ProcessRunner.RunAsync("dotnet", [RepositoryPaths.ApiAssembly, .. arguments], variables, TimeSpan.FromSeconds(90));
    }

    public static string[] ErrorLines(ProcessResult result, string prefix) =>
        [.. result.StandardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))];
}
