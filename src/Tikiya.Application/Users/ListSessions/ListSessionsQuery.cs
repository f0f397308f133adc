using Mediator;

namespace Tikiya.Application.Users.ListSessions;

/// <summary>
/// <c>GET /api/v1/users/me/sessions</c>: the caller's active sessions, newest first, read together with the check that
/// the caller's own session is active, in one round trip (the edge leaves the session check of this endpoint to it).
/// </summary>
public sealed record ListSessionsQuery : IQuery<IReadOnlyList<SessionResponse>>;
