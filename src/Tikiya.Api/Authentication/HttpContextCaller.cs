using System.Net;
using System.Security.Claims;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.Authentication;

/// <summary>
/// The caller of the current request. The address is the connection's, which the forwarded-headers middleware replaces
/// with the client's own when the request comes through a trusted proxy; the ids come from the access token that the
/// session check accepted.
/// </summary>
internal sealed class HttpContextCaller(IHttpContextAccessor accessor) : ICaller
{
    public IPAddress? IpAddress
    {
        get
        {
            var address = Context.Connection.RemoteIpAddress;
            // Kestrel listens dual-stack, so IPv4 clients arrive as ::ffff:a.b.c.d; they are the IPv4 address they are.
            return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        }
    }

    public string? UserAgent => Context.Request.Headers.UserAgent.ToString() is { Length: > 0 } userAgent ? userAgent : null;

    public Guid UserId => Principal.TryGetUserId(out var userId) ? userId : throw NotAuthenticated();

    public Guid SessionId => Principal.TryGetSessionId(out var sessionId) ? sessionId : throw NotAuthenticated();

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No request is being handled.");

    private ClaimsPrincipal Principal => Context.User;

    // Only reached by a handler called outside [Authorize]: a bug, not a client error.
    private static InvalidOperationException NotAuthenticated() => new("No authenticated caller.");
}
