using Mediator;

namespace Tikiya.Application.Auth.LogoutAll;

/// <summary><c>POST /api/v1/auth/logout-all</c>: revokes every session of the authenticated user.</summary>
public sealed record LogoutAllCommand : ICommand;
