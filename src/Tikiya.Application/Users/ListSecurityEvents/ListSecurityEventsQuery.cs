using Mediator;

namespace Tikiya.Application.Users.ListSecurityEvents;

/// <summary><c>GET /api/v1/users/me/security-events</c>: the caller's account's events, newest first, at most 100.</summary>
public sealed record ListSecurityEventsQuery : IQuery<IReadOnlyList<SecurityEventResponse>>;
