using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Application.Common.Errors;
using Tikiya.Domain.Common;

namespace Tikiya.Api.ErrorHandling;

/// <summary>
/// The one place that turns an exception into an answer (STYLE.md §4): expected failures get their status and a message
/// safe to show; anything else is a 500 whose body says nothing about the exception.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException validation => new HttpValidationProblemDetails(CamelCaseKeys(validation.Errors))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = validation.Message,
            },
            EmailAlreadyRegisteredException taken => Problem(StatusCodes.Status409Conflict, "Email already registered.", taken.Message),
            InvalidCredentialsException bad => Problem(StatusCodes.Status401Unauthorized, "Invalid credentials.", bad.Message),
            InvalidRefreshTokenException bad => Problem(StatusCodes.Status401Unauthorized, "Invalid refresh token.", bad.Message),
            NotAuthenticatedException gone => Problem(StatusCodes.Status401Unauthorized, "Not authenticated.", gone.Message),
            LoginThrottledException throttled => Problem(StatusCodes.Status429TooManyRequests, "Too many failed logins.", throttled.Message),
            DomainException domain => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", domain.Message),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, null, null),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
                "The server could not complete the request. Try again later; if it persists, report the traceId.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        switch (exception)
        {
            case LoginThrottledException throttled:
                httpContext.Response.Headers.RetryAfter = RetryAfter.Seconds(throttled.RetryAfter);
                break;
            case NotAuthenticatedException:
                httpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                break;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string? title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static Dictionary<string, string[]> CamelCaseKeys(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, PathString path);
}
