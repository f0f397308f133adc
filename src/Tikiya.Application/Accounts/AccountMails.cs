using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// Queues the mails of the account flows in the caller's unit of work (the outbox: the mail commits with the change
/// that causes it, or not at all). Nothing is saved here.
/// </summary>
internal sealed class AccountMails(IApplicationDbContext db, IOneTimeCodes codes, AccountPolicy policy)
{
    /// <summary>
    /// Issues a new code (and, but for an email change, a link token) for <paramref name="purpose"/>, replacing the
    /// account's older one, and queues the mail that carries it to <paramref name="address"/>.
    /// </summary>
    public async Task IssueCodeAsync(User user, EmailCodePurpose purpose, Email address, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var code = codes.NewCode(user.Id);
        var link = purpose == EmailCodePurpose.ChangeEmail ? null : codes.NewLinkToken(); // API.md: that mail has the code only
        var lifetime = purpose == EmailCodePurpose.VerifyEmail ? policy.VerificationCodeLifetime : policy.ResetCodeLifetime;

        var existing = await FindAsync(user, purpose, cancellationToken);
        if (existing is null)
        {
            db.EmailCodes.Add(EmailCode.Issue(user.Id, purpose, address.Value, code.Hash, link?.Hash, now, lifetime));
        }
        else
        {
            existing.Reissue(address.Value, code.Hash, link?.Hash, now, lifetime);
        }

        var model = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = address.Value,
            ["code"] = code.Value,
            ["expires_in_minutes"] = ((int)lifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            ["expires_in"] = ForPeople(lifetime),
        };
        if (link is not null)
        {
            model["link"] = policy.AppLink(LinkPath(purpose), link.Value).AbsoluteUri;
        }

        db.OutboxMails.Add(OutboxMail.Queue(user.Id, address.Value, Template(purpose), model, now));
    }

    /// <summary>
    /// A notice with no secret ("your password was changed"), to the account's address unless told otherwise. It is
    /// attached to the account (deleted with it) unless the account is what is going away.
    /// </summary>
    public void QueueNotice(User user, string template, DateTimeOffset now, Email? recipient = null, bool attached = true)
    {
        var to = recipient ?? user.Email;
        var model = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = to.Value,
            ["account_email"] = user.Email.Value,
        };
        db.OutboxMails.Add(OutboxMail.Queue(attached ? user.Id : null, to.Value, template, model, now));
    }

    // The code of a new account cannot exist yet; otherwise it may be in this unit of work already (two requests of
    // one batch) or in the database.
    private async Task<EmailCode?> FindAsync(User user, EmailCodePurpose purpose, CancellationToken cancellationToken)
    {
        if (db.Users.Entry(user).State == EntityState.Added)
        {
            return null;
        }

        return db.EmailCodes.Local.SingleOrDefault(c => c.UserId == user.Id && c.Purpose == purpose)
            ?? await db.EmailCodes.SingleOrDefaultAsync(c => c.UserId == user.Id && c.Purpose == purpose, cancellationToken);
    }

    // "24 hours", "1 hour", "90 minutes": what the mail tells its reader.
    private static string ForPeople(TimeSpan lifetime) => lifetime.TotalMinutes % 60 == 0
        ? $"{lifetime.TotalHours:0} hour{(lifetime.TotalHours == 1 ? "" : "s")}"
        : $"{lifetime.TotalMinutes:0} minutes";

    private static string Template(EmailCodePurpose purpose) => purpose switch
    {
        EmailCodePurpose.VerifyEmail => MailTemplates.VerifyEmail,
        EmailCodePurpose.ResetPassword => MailTemplates.ResetPassword,
        EmailCodePurpose.ChangeEmail => MailTemplates.ChangeEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    private static string LinkPath(EmailCodePurpose purpose) =>
        purpose == EmailCodePurpose.VerifyEmail ? "verify-email" : "reset-password";
}
