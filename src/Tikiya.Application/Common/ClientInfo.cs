using System.Net;

namespace Tikiya.Application.Common;

/// <summary>Who is calling, as recorded on a new session.</summary>
public sealed record ClientInfo(string? UserAgent, IPAddress? IpAddress)
{
    public static ClientInfo Unknown { get; } = new(null, null);
}
