using Mediator;

namespace Tikiya.Application.Auth.LogoutOthers;

/// <summary><c>POST /api/v1/auth/logout-others</c>: revokes every session of the authenticated user but the caller's own.</summary>
public sealed record LogoutOthersCommand : ICommand;
