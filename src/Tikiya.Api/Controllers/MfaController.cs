using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Application.Mfa;
using Tikiya.Application.Mfa.ConfirmTotp;
using Tikiya.Application.Mfa.DisableTotp;
using Tikiya.Application.Mfa.EnrolTotp;
using Tikiya.Application.Mfa.GetMfaStatus;
using Tikiya.Application.Mfa.ReplaceRecoveryCodes;

namespace Tikiya.Api.Controllers;

/// <summary>The caller's second factor (API.md v1.1, "Second factor").</summary>
[ApiController, Route("api/v1/users/me/mfa"), Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
// Secrets, recovery codes and account data: no cache keeps them (API.md v1.1, RFC 6749 §5.1).
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MfaController(ISender sender) : ControllerBase
{
    [EndpointName("getMfaStatus"), EndpointSummary("Get the second factor's status")]
    [HttpGet]
    [ProducesResponseType<MfaStatusResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MfaStatusResponse>> Status(CancellationToken cancellationToken) =>
        await sender.Send(new GetMfaStatusQuery(), cancellationToken);

    /// <remarks>
    /// Returns a new secret for an authenticator app; the second factor is on only once a code of it is confirmed.
    /// Asked again before that, it replaces the pending secret.
    /// </remarks>
    [EndpointName("enrolTotp"), EndpointSummary("Start a TOTP enrolment")]
    [HttpPost("totp"), Consumes("application/json")]
    [ProducesResponseType<TotpEnrolmentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<ActionResult<TotpEnrolmentResponse>> Enrol(EnrolTotpCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    /// <remarks>Switches the second factor on and returns ten recovery codes, shown this once.</remarks>
    [EndpointName("confirmTotp"), EndpointSummary("Confirm the TOTP enrolment")]
    [HttpPost("totp/confirm"), Consumes("application/json")]
    [ProducesResponseType<RecoveryCodesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<ActionResult<RecoveryCodesResponse>> Confirm(ConfirmTotpCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    /// <remarks>Needs a code from the app or an unused recovery code; the recovery codes go too.</remarks>
    [EndpointName("disableTotp"), EndpointSummary("Switch the second factor off")]
    [HttpPost("totp/disable"), Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> Disable(DisableTotpCommand command, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return NoContent();
    }

    /// <remarks>Needs a code from the app or an unused recovery code; ten new codes replace every old one.</remarks>
    [EndpointName("replaceRecoveryCodes"), EndpointSummary("Get new recovery codes")]
    [HttpPost("recovery-codes"), Consumes("application/json")]
    [ProducesResponseType<RecoveryCodesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<ActionResult<RecoveryCodesResponse>> ReplaceRecoveryCodes(ReplaceRecoveryCodesCommand command,
        CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);
}
