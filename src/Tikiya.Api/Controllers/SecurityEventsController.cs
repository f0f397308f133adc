using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Application.Users.ListSecurityEvents;

namespace Tikiya.Api.Controllers;

/// <summary>What happened to the caller's account (API.md v1.1): logins, password and email changes, ended sessions.</summary>
[ApiController, Route("api/v1/users/me/security-events"), Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
// Security events are account data: no cache keeps them (API.md v1.1, RFC 6749 §5.1).
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SecurityEventsController(ISender sender) : ControllerBase
{
    /// <remarks>Newest first, at most 100, kept 90 days; each with the address and user agent of the client that caused it.</remarks>
    [EndpointName("listSecurityEvents"), EndpointSummary("List the account's security events")]
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<SecurityEventResponse>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<SecurityEventResponse>>> List(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new ListSecurityEventsQuery(), cancellationToken));
}
