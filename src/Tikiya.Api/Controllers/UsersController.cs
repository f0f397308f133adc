using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Api.Authentication;
using Tikiya.Application.Users;
using Tikiya.Application.Users.ChangeEmail;
using Tikiya.Application.Users.ChangePassword;
using Tikiya.Application.Users.ConfirmEmailChange;
using Tikiya.Application.Users.DeleteAccount;
using Tikiya.Application.Users.GetMe;

namespace Tikiya.Api.Controllers;

[ApiController, Route("api/v1/users"), Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
// Every answer here may carry a token or account data: no cache keeps it (API.md v1.1, RFC 6749 §5.1).
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class UsersController(ISender sender) : ControllerBase
{
    [EndpointName("getMe"), EndpointSummary("Get the account")]
    [HttpGet("me"), SessionCheckedByHandler] // one round trip: the session check and the user together
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<UserResponse>> Me(CancellationToken cancellationToken) =>
        await sender.Send(new GetMeQuery(), cancellationToken);

    /// <remarks>Ends every other session of the account; the caller's stays.</remarks>
    [EndpointName("changePassword"), EndpointSummary("Change the password")]
    [HttpPost("me/password"), Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> ChangePassword(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return NoContent();
    }

    /// <remarks>Sends a code to the new address; the email changes when it is confirmed.</remarks>
    [EndpointName("changeEmail"), EndpointSummary("Change the email address")]
    [HttpPost("me/email"), Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> ChangeEmail(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return Accepted();
    }

    [EndpointName("confirmEmailChange"), EndpointSummary("Confirm the new email address")]
    [HttpPost("me/email/confirm"), Consumes("application/json")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<UserResponse>> ConfirmEmailChange(ConfirmEmailChangeCommand command,
        CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    /// <remarks>Deletes the account and everything attached to it; its tokens get 401 at once.</remarks>
    [EndpointName("deleteAccount"), EndpointSummary("Delete the account")]
    [HttpPost("me/delete"), Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> DeleteAccount(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return NoContent();
    }
}
