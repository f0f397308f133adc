namespace Tikiya.Api.ErrorHandling;

/// <summary>
/// The <c>code</c> member of every problem body (API.md v1.1, Conventions added): a stable snake_case string for
/// programs, while <c>title</c> and <c>detail</c> stay text for people. Clients branch on these, so a code is never
/// renamed or reused for another meaning; docs/api.md lists them. nginx's own refusals (deploy/nginx/tikiya-api.conf)
/// write <see cref="MalformedRequest"/>, <see cref="RequestHeadersTooLarge"/>, <see cref="PayloadTooLarge"/> and
/// <see cref="ServiceUnavailable"/> as literals.
/// </summary>
internal static class ProblemCodes
{
    /// <summary>The extension member that carries the code.</summary>
    public const string Member = "code";

    /// <summary>The extension member of an <see cref="MfaRequired"/> answer: the token for <c>POST auth/login/mfa</c>.</summary>
    public const string MfaTokenMember = "mfaToken";

    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string InvalidCredentials = "invalid_credentials";
    public const string LoginThrottled = "login_throttled";
    public const string EmailTaken = "email_taken";
    public const string InvalidRefreshToken = "invalid_refresh_token";
    public const string NotAuthenticated = "not_authenticated";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string RequestHeadersTooLarge = "request_headers_too_large";
    public const string RateLimited = "rate_limited";
    public const string Overloaded = "overloaded";
    public const string Timeout = "timeout";
    public const string DatabaseUnavailable = "database_unavailable";
    public const string NotReady = "not_ready";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InternalError = "internal_error";
    public const string InvalidOrExpiredCode = "invalid_or_expired_code";
    public const string InvalidCurrentPassword = "invalid_current_password";
    public const string EmailNotVerified = "email_not_verified";
    public const string MfaRequired = "mfa_required";
    public const string InvalidMfaCode = "invalid_mfa_code";
    public const string InvalidMfaToken = "invalid_mfa_token";
    public const string MfaAlreadyEnabled = "mfa_already_enabled";

    /// <summary>A confirmation with no enrolment pending, or a disable or new recovery codes with MFA off.</summary>
    public const string MfaNotEnabled = "mfa_not_enabled";
    public const string PasswordTooCommon = "password_too_common";

    /// <summary>Any other client error, for a status that no writer of ours gives a code of its own.</summary>
    public const string RequestFailed = "request_failed";

    /// <summary>
    /// The code for a problem whose writer set none: the framework's own answers (status-code pages, the bearer
    /// challenge, MVC's client errors). Every writer that knows why it refuses sets its code itself.
    /// </summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => MalformedRequest,
        StatusCodes.Status401Unauthorized => NotAuthenticated,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => RequestHeadersTooLarge,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        StatusCodes.Status504GatewayTimeout => Timeout,
        >= 500 => InternalError,
        _ => RequestFailed,
    };
}
