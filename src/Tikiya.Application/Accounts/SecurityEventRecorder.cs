using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Accounts;

/// <summary>
/// An account's security event (API.md v1.1), with the caller's address and user agent. <see cref="Record"/> adds it
/// to the caller's unit of work: it is saved by the same SaveChangesAsync, in the same transaction, as the change it
/// records, so there is never an event without its change, nor a change without its event.
/// </summary>
internal sealed class SecurityEventRecorder(IApplicationDbContext db, ICaller caller)
{
    public void Record(Guid userId, SecurityEventType type, DateTimeOffset now) => db.SecurityEvents.Add(Of(userId, type, now));

    /// <summary>The event, for a statement that writes it together with its change (<see cref="ILogoutEverywhere"/>).</summary>
    public SecurityEvent Of(Guid userId, SecurityEventType type, DateTimeOffset now) =>
        SecurityEvent.Record(userId, type, now, caller.IpAddress, caller.UserAgent);
}
