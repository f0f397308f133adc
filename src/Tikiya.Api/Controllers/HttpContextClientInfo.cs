using Tikiya.Application.Common;

namespace Tikiya.Api.Controllers;

internal static class HttpContextClientInfo
{
    /// <summary>
    /// The caller as a new session records it. The address is the connection's, which the forwarded-headers middleware
    /// replaces with the client's own when the request comes through a trusted proxy.
    /// </summary>
    public static ClientInfo ClientInfo(this HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        // Kestrel listens dual-stack, so IPv4 clients arrive as ::ffff:a.b.c.d; store them as the IPv4 address they are.
        return new ClientInfo(context.Request.Headers.UserAgent, address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address);
    }
}
