using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tikiya.Api.ErrorHandling;

namespace Tikiya.Api.OpenApi;

/// <summary>
/// Login's 401 is two answers (API.md v1.1): <c>invalid_credentials</c>, or <c>mfa_required</c> with the
/// <c>mfaToken</c> extension member that <c>login/mfa</c> takes. The shared problem schema has no such member, so this
/// response gets the problem schema plus that member, and an example of the answer a client must act on.
/// </summary>
internal sealed class MfaRequiredProblem : IOpenApiOperationTransformer
{
    public const string MfaToken = "StZ4_j7rcTXKrxJDxS6TJhJl50E2y1JBghbdHHWFvno";

    private const string LoginOperationId = "login";
    private const string ProblemJson = "application/problem+json";

    private static readonly JsonObject Example = new()
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        ["title"] = "Second factor required.",
        ["status"] = StatusCodes.Status401Unauthorized,
        ["detail"] = "A code from the authenticator app is required.",
        [ProblemCodes.Member] = ProblemCodes.MfaRequired,
        [ProblemCodes.MfaTokenMember] = MfaToken,
        ["traceId"] = "00-9d90d3ca946eac9a1aee68f3dc9f3aec-97500622b3b3fe3f-00",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        if (operation.OperationId != LoginOperationId || context.Document is not { } document
            || operation.Responses?.TryGetValue("401", out var response) != true || response is not OpenApiResponse unauthorized
            || unauthorized.Content?.TryGetValue(ProblemJson, out var media) != true || media is not { Schema: { } problem })
        {
            return Task.CompletedTask;
        }

        unauthorized.Description = $"`{ProblemCodes.InvalidCredentials}`: unknown email or wrong password (one answer for "
            + $"both). `{ProblemCodes.MfaRequired}`: the password was right and the account has its second factor on; send "
            + $"`{ProblemCodes.MfaTokenMember}` with a code to POST /api/v1/auth/login/mfa.";
        media.Schema = new OpenApiSchema
        {
            AllOf =
            [
                problem,
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [ProblemCodes.MfaTokenMember] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Description = $"With `{ProblemCodes.MfaRequired}` only: the token for POST /api/v1/auth/login/mfa "
                                + "(single use, 5 minutes; a wrong code does not spend it).",
                        },
                    },
                },
            ],
            Required = new HashSet<string> { ProblemCodes.Member },
        };
        media.Example = Example.DeepClone(); // a node has one parent, and the document is built per request
        return Task.CompletedTask;
    }
}
