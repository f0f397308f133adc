using Mediator;

namespace Tikiya.Application.Users.GetMe;

/// <summary><c>GET /api/v1/users/me</c>: the authenticated user.</summary>
public sealed record GetMeQuery(Guid UserId) : IQuery<UserResponse>;
