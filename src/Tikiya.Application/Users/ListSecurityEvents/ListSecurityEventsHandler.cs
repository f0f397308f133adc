using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Users.ListSecurityEvents;

internal sealed class ListSecurityEventsHandler(IApplicationDbContext db, ICaller caller)
    : IQueryHandler<ListSecurityEventsQuery, IReadOnlyList<SecurityEventResponse>>
{
    public async ValueTask<IReadOnlyList<SecurityEventResponse>> Handle(ListSecurityEventsQuery query,
        CancellationToken cancellationToken)
    {
        var userId = caller.UserId;
        // The index (user_id, occurred_at DESC) answers this in its order; the id orders events of one instant.
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(SecurityEvent.ListedAtMost)
            .ToListAsync(cancellationToken);
        return [.. events.Select(e => e.ToResponse())];
    }
}
