using Tikiya.Domain.Users;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>The account of an active session, as <c>GET users/me</c> shows it.</summary>
public sealed class ActiveAccount
{
    public required User User { get; init; }

    public required bool MfaEnabled { get; init; }
}
