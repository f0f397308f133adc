namespace Tikiya.Application.Users.ListSessions;

/// <summary>API.md v1.1's <c>Session</c>; its property names are part of the contract.</summary>
/// <param name="Id">The session's id, the <c>sid</c> of its access tokens.</param>
/// <param name="CreatedAt">Its login.</param>
/// <param name="LastUsedAt">Its last refresh, or its login if it was never refreshed.</param>
/// <param name="ExpiresAt">The earlier of its refresh token's expiry and its absolute end.</param>
/// <param name="IpAddress">The address it logged in from.</param>
/// <param name="UserAgent">The user agent it logged in with.</param>
/// <param name="DeviceName">The login's <c>deviceName</c>.</param>
/// <param name="Current">Whether it is the session of the access token that asks.</param>
public sealed record SessionResponse(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt,
    string? IpAddress, string? UserAgent, string? DeviceName, bool Current);
