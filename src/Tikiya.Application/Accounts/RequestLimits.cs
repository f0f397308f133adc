using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// The per-address limits of the requests that send mail (API.md: 1 a minute, 5 an hour), recorded in the caller's
/// unit of work. Keys hold no address: a keyed hash of it, or an account id.
/// </summary>
internal sealed class RequestLimits(IApplicationDbContext db, IEmailFingerprinter fingerprinter)
{
    public string ForAddress(MailRequestKind kind, Email email) => $"{(int)kind}:{fingerprinter.Fingerprint(email)}";

    /// <summary>users/me/email: per new address (no address is flooded) and per account (no code is guessed at by re-asking).</summary>
    public string ForEmailChangeTo(Email email) => $"ce:{fingerprinter.Fingerprint(email)}";

    public static string ForEmailChangeOf(Guid userId) => $"ca:{userId:N}";

    /// <summary>Records a request under <paramref name="key"/>, or throws <see cref="TooManyRequestsException"/>.</summary>
    public async Task RecordAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = db.AddressRequestLimits.Local.SingleOrDefault(l => l.Key == key)
            ?? await db.AddressRequestLimits.SingleOrDefaultAsync(l => l.Key == key, cancellationToken);
        if (limit is null)
        {
            limit = new AddressRequestLimit(key);
            db.AddressRequestLimits.Add(limit);
        }

        if (limit.TryRecord(now) is { } retryAfter)
        {
            throw new TooManyRequestsException(retryAfter);
        }
    }
}
