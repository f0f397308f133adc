using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production, // as the binary runs when ASPNETCORE_ENVIRONMENT is unset
        });
        // In the place of the process's environment variables (TestSetup clears this one's), and above appsettings.json.
        builder.Configuration.AddInMemoryCollection(environment!);
        builder.Services.AddTikiya(builder.Configuration);

        await using var app = builder.Build();
        return StartupValidation.ErrorLines(app.Services);
    }
}
