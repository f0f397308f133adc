using System.Net;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// Who is calling, read at the edge (STYLE.md §7) so that commands bound from a body never carry what a client could
/// set: the address and user agent of any request, and on an authenticated one the user and session of its access token.
/// </summary>
public interface ICaller
{
    /// <summary>The client's address (the trusted proxy's forwarded one); null when unknown.</summary>
    IPAddress? IpAddress { get; }

    string? UserAgent { get; }

    Guid UserId { get; }

    /// <summary>The session of the access token (its <c>sid</c>).</summary>
    Guid SessionId { get; }
}
