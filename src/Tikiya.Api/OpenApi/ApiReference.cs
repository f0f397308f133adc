using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.OpenApi;

/// <summary>
/// The OpenAPI document, always (API.md v1 lists <c>/openapi/v1.json</c>), and the reference page at <c>/docs</c> when
/// API_DOCS_ENABLED is on; when it is off nothing is mapped there, so <c>/docs</c> answers 404 like any unknown path.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/docs";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<ApiDocsOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        // Scalar serves its script from the package itself; without web fonts, telemetry and the hosted AI agent the
        // page calls nothing outside this API. Every tag open: a reader sees every operation in the sidebar at once.
        endpoints.MapScalarApiReference(Path, options => options
            .WithTitle("Tikiya API reference")
            .WithTheme(ScalarTheme.Default)
            .ExpandAllTags()
            .HideDeveloperTools()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .AddPreferredSecuritySchemes(BearerSecurityTransformer.SchemeName));
        return endpoints;
    }
}
