namespace Tikiya.Testing.Builders;

/// <summary>A <c>Session</c> of <c>GET /api/v1/users/me/sessions</c>, as a client reads it.</summary>
public sealed record ListedSession(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt,
    string? IpAddress, string? UserAgent, string? DeviceName, bool Current);
