using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tikiya.Api.Authentication;
using Tikiya.Application.Users;
using Tikiya.Application.Users.GetMe;

namespace Tikiya.Api.Controllers;

[ApiController, Route("api/v1/users"), Authorize]
// Every answer here may carry a token or account data: no cache keeps it (API.md v1.1, RFC 6749 §5.1).
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class UsersController(ISender sender) : ControllerBase
{
    [HttpGet("me")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<ActionResult<UserResponse>> Me(CancellationToken cancellationToken) =>
        await sender.Send(new GetMeQuery(User.UserId()), cancellationToken);
}
