using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Tikiya.Api.Resilience;
using Tikiya.Application.Auth;
using Tikiya.Application.Auth.Login;
using Tikiya.Application.Auth.LoginMfa;
using Tikiya.Application.Auth.Logout;
using Tikiya.Application.Auth.LogoutAll;
using Tikiya.Application.Auth.LogoutOthers;
using Tikiya.Application.Auth.Refresh;
using Tikiya.Application.Auth.ForgotPassword;
using Tikiya.Application.Auth.Register;
using Tikiya.Application.Auth.ResendVerification;
using Tikiya.Application.Auth.ResetPassword;
using Tikiya.Application.Auth.VerifyEmail;
using Tikiya.Application.Users;

namespace Tikiya.Api.Controllers;

[ApiController, Route("api/v1/auth")]
[EnableRateLimiting(RateLimiterSetup.AuthPerClientPolicy)] // login, register, refresh and the mails have buckets of their own
[Consumes("application/json")]
// Every answer here may carry a token or account data: no cache keeps it (API.md v1.1, RFC 6749 §5.1).
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
public sealed class AuthController(ISender sender) : ControllerBase
{
    [EndpointName("register"), EndpointSummary("Create an account")]
    [HttpPost("register")]
    [EnableRateLimiting(RateLimiterSetup.RegisterPolicy)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<UserResponse>> Register(RegisterCommand command, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, await sender.Send(command, cancellationToken));

    [EndpointName("login"), EndpointSummary("Log in")]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimiterSetup.LoginPolicy)]
    [ProducesResponseType<TokensResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<ActionResult<TokensResponse>> Login(LoginCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    /// <remarks>
    /// The second step of a login whose answer was 401 <c>mfa_required</c>: its <c>mfaToken</c> and a code from the
    /// authenticator app, or an unused recovery code. A wrong code leaves the token usable; wrong codes count in the
    /// account's login throttle. The answer's <c>deviceToken</c> replaces the one the first step presented.
    /// </remarks>
    [EndpointName("loginMfa"), EndpointSummary("Finish a login with the second factor")]
    [HttpPost("login/mfa")]
    [EnableRateLimiting(RateLimiterSetup.LoginPolicy)]
    [ProducesResponseType<TokensResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<ActionResult<TokensResponse>> LoginMfa(LoginMfaCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [EndpointName("refresh"), EndpointSummary("Refresh the tokens")]
    [HttpPost("refresh")]
    [EnableRateLimiting(RateLimiterSetup.RefreshPolicy)]
    [ProducesResponseType<TokensResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<ActionResult<TokensResponse>> Refresh(RefreshCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    [EndpointName("logout"), EndpointSummary("Log out this session")]
    [HttpPost("logout")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(LogoutCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return NoContent();
    }

    [EndpointName("logoutAll"), EndpointSummary("Log out every session")]
    [HttpPost("logout-all"), Authorize]
    [Consumes("application/json", IsOptional = true)] // no body: the access token says whose sessions to end
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<IActionResult> LogoutAll(CancellationToken cancellationToken)
    {
        await sender.Send(new LogoutAllCommand(), cancellationToken);
        return NoContent();
    }

    /// <remarks>Ends every session of the user but the caller's own.</remarks>
    [EndpointName("logoutOthers"), EndpointSummary("Log out every other session")]
    [HttpPost("logout-others"), Authorize]
    [Consumes("application/json", IsOptional = true)] // no body: the access token says whose sessions to end, and which stays
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<IActionResult> LogoutOthers(CancellationToken cancellationToken)
    {
        await sender.Send(new LogoutOthersCommand(), cancellationToken);
        return NoContent();
    }

    /// <remarks>The link's token, or the address and code of the verification mail.</remarks>
    [EndpointName("verifyEmail"), EndpointSummary("Verify the email address")]
    [HttpPost("verify-email")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> VerifyEmail(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return NoContent();
    }

    /// <remarks>202 for a known, an unknown and a verified address alike: the answer says nothing about an account.</remarks>
    [EndpointName("resendVerification"), EndpointSummary("Send the verification mail again")]
    [HttpPost("resend-verification")]
    [EnableRateLimiting(RateLimiterSetup.MailPolicy)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> ResendVerification(ResendVerificationCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return Accepted();
    }

    /// <remarks>202 for a known and an unknown address alike: the answer says nothing about an account.</remarks>
    [EndpointName("forgotPassword"), EndpointSummary("Ask for a password reset")]
    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimiterSetup.MailPolicy)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return Accepted();
    }

    /// <remarks>Ends every session of the account and clears its login throttle.</remarks>
    [EndpointName("resetPassword"), EndpointSummary("Reset the password")]
    [HttpPost("reset-password")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ResetPassword(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return NoContent();
    }
}
