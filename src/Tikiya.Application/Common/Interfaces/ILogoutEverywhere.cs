using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// logout-all's write as one statement (sessions, device tokens, the event) (raw SQL, so it lives in Infrastructure: EF Core cannot make an UPDATE and an
/// INSERT one statement): logout-all stays one round trip after its session check, and its event commits with the
/// revocation, being in the same statement.
/// </summary>
public interface ILogoutEverywhere
{
    /// <summary>
    /// Revokes every session of the event's account not revoked yet (as <c>SessionRevocation.RevokeAsync</c>, at the
    /// event's time), deletes its device tokens (API.md v1.1) and, when any session ended, inserts <paramref
    /// name="loggedOutEverywhere"/>; returns how many sessions ended.
    /// </summary>
    Task<int> RevokeAllAsync(SecurityEvent loggedOutEverywhere, CancellationToken cancellationToken);
}
