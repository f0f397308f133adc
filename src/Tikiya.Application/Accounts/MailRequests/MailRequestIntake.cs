using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts.MailRequests;

/// <summary>
/// resend-verification and forgot-password on the request path: the address's limit, then one queued request, and
/// nothing that depends on whether an account has the address (API.md: the same answer "in about the same time" for
/// a known, an unknown and an already verified email). The background sender does the rest.
/// </summary>
internal sealed class MailRequestIntake(IApplicationDbContext db, RequestLimits limits, TimeProvider time)
{
    private static readonly TimeSpan RacedRetryAfter = TimeSpan.FromMinutes(1);

    public async Task AcceptAsync(MailRequestKind kind, string address, CancellationToken cancellationToken)
    {
        var email = Email.ForLookup(address); // accounts stored under older rules must be able to recover
        var now = time.GetUtcNowForStorage();
        await limits.RecordAsync(limits.ForAddress(kind, email), now, cancellationToken);
        db.MailRequests.Add(MailRequest.Create(kind, email.Value, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request for this address saved first; within the minute, this one is one too many.
            throw new TooManyRequestsException(RacedRetryAfter);
        }
    }
}
