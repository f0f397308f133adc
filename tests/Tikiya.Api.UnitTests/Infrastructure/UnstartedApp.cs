using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.UnitTests.Infrastructure;

/// <summary>
/// The API's host as Program.cs builds it, on the environment a test gives, and never started: nothing listens,
/// connects or runs, and StartupValidation answers with the lines the binary would print, in milliseconds.
/// </summary>
internal static class UnstartedApp
{
    /// <summary>What the API prints on standard error for <paramref name="environment"/> before it exits with 1.</summary>
    public static async Task<IReadOnlyList<string>> ErrorLinesAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var app = Build(environment);
        return StartupValidation.ErrorLines(app.Services);
    }

    /// <summary>
    /// The host on <paramref name="environment"/>, in <paramref name="environmentName"/> (Production, as the binary runs
    /// when ASPNETCORE_ENVIRONMENT is unset), with that environment's appsettings file.
    /// </summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string> environment,
        string environmentName = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environmentName,
        });
        // In the place of the process's environment variables (TestSetup clears this one's), and above appsettings.json.
        builder.Configuration.AddInMemoryCollection(environment!);
        builder.Services.AddTikiya(builder.Configuration);
        return builder.Build();
    }
}
