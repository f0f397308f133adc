using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Mail;

internal sealed class PendingMailRequests(TikiyaDbContext db) : IPendingMailRequests
{
    public async Task<IReadOnlyList<MailRequest>> ClaimAsync(int max, CancellationToken cancellationToken) =>
        await db.MailRequests.FromSql($"""
            SELECT * FROM mail_requests ORDER BY requested_at LIMIT {max} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
}
