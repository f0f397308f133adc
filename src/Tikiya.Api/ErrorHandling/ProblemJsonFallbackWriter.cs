using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Tikiya.Api.ErrorHandling;

/// <summary>
/// The last of the problem writers: the framework's own declines when the request's Accept header names no JSON type,
/// and outside MVC (status-code pages, limiter refusals, health) nothing else would write, so the answer went out as
/// text/plain, or as an empty 500. The API speaks only JSON (API.md: every error is problem+json), so this one writes
/// it whatever Accept says, with the same defaults: MVC's type and title for the status, then ours.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> problems, IOptions<ApiBehaviorOptions> mvc,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        var status = problem.Status ??= response.StatusCode;
        if (mvc.Value.ClientErrorMapping.TryGetValue(status, out var known))
        {
            problem.Type ??= known.Link;
            problem.Title ??= known.Title;
        }

        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions,
            "application/problem+json", context.HttpContext.RequestAborted));
    }
}
