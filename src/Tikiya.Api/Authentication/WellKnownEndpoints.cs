using Microsoft.Net.Http.Headers;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.Authentication;

/// <summary>
/// What another service needs to verify Tikiya's access tokens without holding a secret (API.md v1.1, Keys): the JWK
/// Set and the metadata that points at it, so that a resource server validates with its <c>Authority</c> alone.
/// Public and anonymous; under the global concurrency limit like every endpoint but /health and /metrics.
/// </summary>
internal static class WellKnownEndpoints
{
    public const string JwksPath = "/.well-known/jwks.json";
    public const string MetadataPath = "/.well-known/openid-configuration";

    // Resource servers cache the set; five minutes is how late one sees a key added for a rotation.
    private static readonly CacheControlHeaderValue JwksCaching = new() { Public = true, MaxAge = TimeSpan.FromMinutes(5) };

    public static IEndpointRouteBuilder MapWellKnownEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(JwksPath, (JwtContract contract, HttpContext context) =>
        {
            context.Response.GetTypedHeaders().CacheControl = JwksCaching;
            // Only the public members: with a private key file, its d never leaves the process.
            return Results.Json(new { keys = contract.PublishedKeys.Select(k => new { k.Kty, k.Use, k.Alg, k.Kid, k.Crv, k.X, k.Y }) });
        }).WithName("getJwks").WithSummary("The public keys that verify access tokens (JWK Set)").AllowAnonymous();

        // The absolute URL as the client asked for it: the scheme as the trusted proxy forwards it (X-Forwarded-Proto,
        // ForwardedHeadersSetup) and the host it passes on (Host).
        endpoints.MapGet(MetadataPath, (JwtContract contract, HttpRequest request) => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = contract.Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}{request.PathBase}{JwksPath}",
        })).WithName("getOpenIdConfiguration").WithSummary("Metadata for resource servers: issuer and jwks_uri").AllowAnonymous();
        return endpoints;
    }
}
