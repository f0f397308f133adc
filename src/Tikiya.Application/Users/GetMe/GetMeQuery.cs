using Mediator;

namespace Tikiya.Application.Users.GetMe;

/// <summary>
/// <c>GET /api/v1/users/me</c>: the caller's account, read together with the check that its session is active, in one
/// round trip (the edge leaves the session check of this endpoint to it).
/// </summary>
public sealed record GetMeQuery : IQuery<UserResponse>;
