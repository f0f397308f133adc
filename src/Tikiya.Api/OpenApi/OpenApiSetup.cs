using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tikiya.Api.OpenApi;

/// <summary>The OpenAPI document (served at <c>/openapi/v1.json</c>), built from the endpoints' own metadata.</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddTikiyaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Tikiya API",
                    Version = "v1.1",
                    Description = "Accounts, sessions and tokens. Errors are application/problem+json with a stable `code`; "
                        + "protected operations take the access token as `Authorization: Bearer <token>`.",
                };
                return Task.CompletedTask;
            });
            // MVC lists every output formatter's type (text/plain, text/json); the API answers JSON, so the page shows JSON.
            options.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                {
                    response.Content?.Remove("text/plain");
                    response.Content?.Remove("text/json");
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<OperationExamples>();
            options.AddOperationTransformer<MfaRequiredProblem>();
            options.AddSchemaTransformer<ProblemSchemaTransformer>();
        });
}
