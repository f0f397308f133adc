using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.Authentication;

/// <summary>The caller of an [Authorize] endpoint, from the access token that the session check accepted.</summary>
internal sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid UserId => Principal.TryGetUserId(out var userId) ? userId : throw NotAuthenticated();

    public Guid SessionId => Principal.TryGetSessionId(out var sessionId) ? sessionId : throw NotAuthenticated();

    private System.Security.Claims.ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    // Only reached by a handler called outside [Authorize]: a bug, not a client error.
    private static InvalidOperationException NotAuthenticated() => new("No authenticated caller.");
}
