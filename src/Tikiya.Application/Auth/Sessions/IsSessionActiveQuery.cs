using Mediator;

namespace Tikiya.Application.Auth.Sessions;

/// <summary>
/// Asked for every authenticated request: is the session named by the access token's <c>sid</c> still active?
/// Checking it each time is what makes revocation immediate (API.md).
/// </summary>
public sealed record IsSessionActiveQuery(Guid SessionId, Guid UserId) : IQuery<bool>;
