using Mediator;

namespace Tikiya.Application.Mfa.GetMfaStatus;

/// <summary><c>GET /api/v1/users/me/mfa</c>: whether the second factor is on, and how many recovery codes are left.</summary>
public sealed record GetMfaStatusQuery : IQuery<MfaStatusResponse>;
