using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Api.Resilience;
using Tikiya.Application.Common.Errors;
using Tikiya.Domain.Common;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ErrorHandling;

/// <summary>
/// The one place that turns an exception into an answer (STYLE.md §4): expected failures get their status and a message
/// safe to show; an unreachable database gets 503; anything else is a 500 whose body says nothing about the exception.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, TikiyaMetrics metrics,
    RefusalLog refusals, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var answer = Answer(exception);
        if (answer.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (answer.RefusedBy == Limiters.DatabaseUnavailable)
        {
            // The type only: a connection error's message can name the database host. Rate-limited like every refusal,
            // since an outage answers every request so.
            refusals.Record(httpContext, RefusalKind.DatabaseUnavailable, answer.Status, exception.GetType().Name);
        }

        if (answer.RefusedBy is { } limiter)
        {
            metrics.Refused(limiter);
        }

        if (RefusalKindOf(answer.Code) is { } refusal)
        {
            refusals.Record(httpContext, refusal, answer.Status, answer.RefusedBy ?? "session_ended");
        }

        var response = httpContext.Response;
        response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter);
        }

        if (answer.Challenge is { } challenge)
        {
            response.Headers.WWWAuthenticate = challenge;
        }

        var problem = exception is RequestValidationException validation
            ? new HttpValidationProblemDetails(CamelCaseKeys(validation.Errors))
            : new ProblemDetails();
        (problem.Status, problem.Title, problem.Detail) = (answer.Status, answer.Title, answer.Detail);
        problem.Extensions[ProblemCodes.Member] = answer.Code;
        if (exception is MfaRequiredException mfa)
        {
            problem.Extensions[ProblemCodes.MfaTokenMember] = mfa.MfaToken; // API.md v1.1: for the login's second step
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // The refusals the rate limiter and the bearer check also log: the handlers' limits, and a session that ended.
    private static RefusalKind? RefusalKindOf(string code) => code switch
    {
        ProblemCodes.RateLimited or ProblemCodes.LoginThrottled => RefusalKind.RateLimited,
        ProblemCodes.Overloaded => RefusalKind.Overloaded,
        ProblemCodes.NotAuthenticated => RefusalKind.BadToken,
        _ => null,
    };

    private static ExceptionAnswer Answer(Exception exception) => exception switch
    {
        // Only when the password is all that is wrong: with another field wrong too, the client has more to fix.
        RequestValidationException { SoleErrorCode: ValidationErrorCodes.PasswordTooCommon } => new(
            StatusCodes.Status400BadRequest, ProblemCodes.PasswordTooCommon, "Password too common.",
            "This password is on lists of common or leaked passwords. Choose another."),
        RequestValidationException invalid => new(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
            "The request is not valid.", invalid.Message),
        DomainException invalid => new(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
            "The request is not valid.", invalid.Message),
        EmailAlreadyRegisteredException taken => new(StatusCodes.Status409Conflict, ProblemCodes.EmailTaken,
            "Email already registered.", taken.Message),
        InvalidCredentialsException bad => new(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidCredentials,
            "Invalid credentials.", bad.Message),
        InvalidRefreshTokenException bad => new(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidRefreshToken,
            "Invalid refresh token.", bad.Message),
        NotAuthenticatedException gone => new(StatusCodes.Status401Unauthorized, ProblemCodes.NotAuthenticated,
            "Not authenticated.", gone.Message)
        {
            Challenge = "Bearer error=\"invalid_token\"", // a protected endpoint's 401 (API.md)
        },
        SessionNotFoundException missing => new(StatusCodes.Status404NotFound, ProblemCodes.NotFound,
            "Session not found.", missing.Message),
        InvalidOrExpiredCodeException bad => new(StatusCodes.Status400BadRequest, ProblemCodes.InvalidOrExpiredCode,
            "Invalid or expired code.", bad.Message),
        InvalidCurrentPasswordException bad => new(StatusCodes.Status400BadRequest, ProblemCodes.InvalidCurrentPassword,
            "Invalid password.", bad.Message),
        MfaRequiredException required => new(StatusCodes.Status401Unauthorized, ProblemCodes.MfaRequired,
            "Second factor required.", required.Message),
        InvalidMfaCodeException bad => new(bad.AtLogin ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest,
            ProblemCodes.InvalidMfaCode, "Invalid code.", bad.Message),
        InvalidMfaTokenException bad => new(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidMfaToken,
            "Invalid or expired MFA token.", bad.Message),
        MfaAlreadyEnabledException enabled => new(StatusCodes.Status409Conflict, ProblemCodes.MfaAlreadyEnabled,
            "Second factor already on.", enabled.Message),
        MfaNotEnabledException off => new(StatusCodes.Status400BadRequest, ProblemCodes.MfaNotEnabled,
            "Second factor not on.", off.Message),
        EmailNotVerifiedException unverified => new(StatusCodes.Status403Forbidden, ProblemCodes.EmailNotVerified,
            "Email not verified.", unverified.Message),
        LoginThrottledException throttled => new(StatusCodes.Status429TooManyRequests, ProblemCodes.LoginThrottled,
            "Too many failed logins.", throttled.Message)
        {
            RetryAfter = throttled.RetryAfter,
            RefusedBy = Limiters.LoginThrottle,
        },
        TooManyRequestsException limited => new(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            "Too many requests.", limited.Message)
        {
            RetryAfter = limited.RetryAfter, // API.md: every 429 carries Retry-After
            RefusedBy = Limiters.AddressLimit,
        },
        ServiceOverloadedException busy => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Overloaded,
            "Server busy.", busy.Message)
        {
            RetryAfter = busy.RetryAfter,
            RefusedBy = Limiters.Hashing, // only password hashing sheds load by throwing
        },
        // Kestrel's refusals while the body is read; the defaults fill in title and detail.
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(
            StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, null, null),
        BadHttpRequestException badRequest => new(badRequest.StatusCode, ProblemCodes.MalformedRequest, null, null),
        _ when DatabaseFailures.IsUnavailable(exception) => new(StatusCodes.Status503ServiceUnavailable,
            ProblemCodes.DatabaseUnavailable, "Database unavailable.",
            "The API cannot reach its database right now. Try again shortly.")
        {
            RetryAfter = DatabaseRetryAfter,
            RefusedBy = Limiters.DatabaseUnavailable,
        },
        _ => new(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "An unexpected error occurred.",
            "The server could not complete the request. Try again later; if it persists, report the traceId."),
    };

    private static Dictionary<string, string[]> CamelCaseKeys(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, PathString path);

    private sealed record ExceptionAnswer(int Status, string Code, string? Title, string? Detail)
    {
        public TimeSpan? RetryAfter { get; init; }

        public string? Challenge { get; init; }

        /// <summary>What refused the request (a limit, or the database), counted in <c>tikiya_requests_refused_total</c>.</summary>
        public string? RefusedBy { get; init; }
    }
}
