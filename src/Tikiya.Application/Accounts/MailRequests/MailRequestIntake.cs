using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts.MailRequests;

/// <summary>
/// resend-verification and forgot-password on the request path: the address's limit, then one queued request, and
/// nothing that depends on whether an account has the address (API.md: the same answer "in about the same time" for
/// a known, an unknown and an already verified email). The background sender does the rest. Nothing is saved here.
/// </summary>
internal sealed class MailRequestIntake(IApplicationDbContext db, RequestLimits limits, TimeProvider time)
{
    /// <summary>Within the minute, a request that lost a race to another for its address is one too many.</summary>
    public static readonly TimeSpan RacedRetryAfter = TimeSpan.FromMinutes(1);

    public async Task AcceptAsync(MailRequestKind kind, string address, CancellationToken cancellationToken)
    {
        var email = Email.ForLookup(address); // accounts stored under older rules must be able to recover
        var now = time.GetUtcNow();
        await limits.RecordAsync(limits.ForAddress(kind, email), now, cancellationToken);
        db.MailRequests.Add(MailRequest.Create(kind, email.Value, now));
    }
}
