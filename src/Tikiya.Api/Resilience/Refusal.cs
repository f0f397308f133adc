using Microsoft.AspNetCore.Mvc;
using Tikiya.Api.ErrorHandling;

namespace Tikiya.Api.Resilience;

/// <summary>A clean refusal written by middleware: problem+json, with Retry-After when the client may try again.</summary>
internal static class Refusal
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string title, string detail,
        TimeSpan? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = RetryAfter.Seconds(delay);
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = { [ProblemCodes.Member] = code },
            },
        });
    }
}
