using Microsoft.AspNetCore.Http.Features;

namespace Tikiya.Api.ErrorHandling;

/// <summary>
/// Fills what every problem must carry (API.md, Conventions): a <c>type</c>, a <c>detail</c> safe to show and a
/// <c>code</c> (v1.1), also on the bare 401, 404, 405, 413 and 415 answers that the framework writes itself. A code
/// its writer set is kept: only that writer knows why it refused.
/// </summary>
internal static class ProblemDefaults
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        // The framework links the RFC 9110 statuses; 429 comes from RFC 6585.
        problem.Type ??= problem.Status == StatusCodes.Status429TooManyRequests
            ? "https://tools.ietf.org/html/rfc6585#section-4"
            : "about:blank";
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request is not valid.",
            StatusCodes.Status401Unauthorized => "A valid access token is required: send it as Authorization: Bearer <token>.",
            StatusCodes.Status404NotFound => "There is nothing at this address.",
            StatusCodes.Status405MethodNotAllowed => "This address does not accept this HTTP method; the Allow header lists those it does.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this API accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
            _ => problem.Title ?? "The request could not be completed.",
        };

        problem.Extensions.TryAdd(ProblemCodes.Member, ProblemCodes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode));

        // .NET adds traceId itself; keep the request id too when the trace id is not the request's (no Activity).
        if (!problem.Extensions.ContainsKey("traceId"))
        {
            problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                ?? context.HttpContext.TraceIdentifier;
        }
    }
}
