using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tikiya.Api.ErrorHandling;

namespace Tikiya.Api.OpenApi;

/// <summary>
/// Adds to the problem schemas what every problem body of this API carries beyond RFC 9457 (API.md, Conventions):
/// <c>code</c> (v1.1), for programs to branch on, and <c>traceId</c>. ProblemDefaults fills both on every answer.
/// </summary>
internal sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type) || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[ProblemCodes.Member] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A stable snake_case code for programs (docs/api.md lists them); title and detail are for people.",
            Examples = [JsonValue.Create(ProblemCodes.InvalidCredentials)],
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace id, to quote when reporting a problem.",
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add(ProblemCodes.Member);
        return Task.CompletedTask;
    }
}
