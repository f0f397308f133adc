using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tikiya.Api.OpenApi;

/// <summary>
/// Declares the bearer scheme, and requires it on exactly the operations that <c>[Authorize]</c> protects: the same
/// metadata the authorization middleware reads, so the document cannot say "open" about a protected route.
/// </summary>
internal sealed class BearerSecurityTransformer : IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    private static readonly OpenApiSecurityScheme Scheme = new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = "The accessToken of POST /api/v1/auth/login or /refresh, sent as Authorization: Bearer <token>.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var isProtected = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (!isProtected || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        if (document.Components?.SecuritySchemes?.ContainsKey(SchemeName) != true)
        {
            document.AddComponent<IOpenApiSecurityScheme>(SchemeName, Scheme);
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
