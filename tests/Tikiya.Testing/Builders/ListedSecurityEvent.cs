namespace Tikiya.Testing.Builders;

/// <summary>A <c>SecurityEvent</c> of <c>GET /api/v1/users/me/security-events</c>, as a client reads it.</summary>
public sealed record ListedSecurityEvent(Guid Id, string Type, DateTimeOffset OccurredAt, string? IpAddress, string? UserAgent);
