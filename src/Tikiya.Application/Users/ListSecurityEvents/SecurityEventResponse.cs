namespace Tikiya.Application.Users.ListSecurityEvents;

/// <summary>API.md v1.1's <c>SecurityEvent</c>; its property names are part of the contract.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Type">What happened, a snake_case name of API.md's list (<c>login_succeeded</c>, …).</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="IpAddress">The address of the client that caused it; null when unknown.</param>
/// <param name="UserAgent">The user agent of that client; null when it sent none.</param>
public sealed record SecurityEventResponse(Guid Id, string Type, DateTimeOffset OccurredAt, string? IpAddress, string? UserAgent);
