using Mediator;

namespace Tikiya.Application.Users.EndSession;

/// <summary><c>DELETE /api/v1/users/me/sessions/{id}</c>: ends one active session of the caller, the caller's own included.</summary>
public sealed record EndSessionCommand(Guid SessionId) : ICommand;
