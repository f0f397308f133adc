using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Api.Authentication;
using Tikiya.Application.Users.EndSession;
using Tikiya.Application.Users.ListSessions;

namespace Tikiya.Api.Controllers;

/// <summary>The caller's sessions (API.md v1.1, Sessions and devices): the devices signed in to the account.</summary>
[ApiController, Route("api/v1/users/me/sessions"), Authorize]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
// Sessions are account data: no cache keeps them (API.md v1.1, RFC 6749 §5.1).
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SessionsController(ISender sender) : ControllerBase
{
    /// <remarks>The active sessions, newest first; <c>current</c> marks the caller's.</remarks>
    [EndpointName("listSessions"), EndpointSummary("List the sessions")]
    [HttpGet, SessionCheckedByHandler] // one round trip: the caller's session is among those it reads
    [ProducesResponseType<IReadOnlyList<SessionResponse>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<SessionResponse>>> List(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new ListSessionsQuery(), cancellationToken));

    /// <remarks>Ends it at once, the caller's own included; 404 for an id that is not an active session of the caller.</remarks>
    [EndpointName("endSession"), EndpointSummary("End a session")]
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> End(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new EndSessionCommand(id), cancellationToken);
        return NoContent();
    }
}
