using System.Linq.Expressions;

namespace Tikiya.Domain.Mail;

/// <summary>
/// A mail queued in the same transaction as the change that causes it, and sent in the background (API.md: an SMTP
/// outage never fails a request; a mail whose request was answered is sent even if the process dies right after).
/// Its model holds the values the template needs, a code among them: the one place a code exists in clear, so it is
/// deleted once the mail is sent or given up.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxErrorLength = 500;

    private OutboxMail() { } // for EF Core

    private OutboxMail(Guid? userId, string recipient, string template, IReadOnlyDictionary<string, string> model,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        Recipient = recipient;
        Template = template;
        Model = new Dictionary<string, string>(model, StringComparer.Ordinal);
        QueuedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The account it is about, so deleting the account deletes its unsent mails; null for the deletion's notice.</summary>
    public Guid? UserId { get; private set; }

    public string Recipient { get; private set; } = "";

    public string Template { get; private set; } = "";

    /// <summary>The template's values; null once the mail is sent or given up.</summary>
    public Dictionary<string, string>? Model { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? GaveUpAt { get; private set; }

    /// <summary>The last failure, for the operator: an exception type and an SMTP status, never an address or a code.</summary>
    public string? LastError { get; private set; }

    public bool IsPending => SentAt is null && GaveUpAt is null;

    public static OutboxMail Queue(Guid? userId, string recipient, string template, IReadOnlyDictionary<string, string> model,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentNullException.ThrowIfNull(model);
        return new OutboxMail(userId, recipient, template, model, now);
    }

    public bool IsDue(DateTimeOffset now) => IsPending && NextAttemptAt <= now;

    /// <summary><see cref="IsPending"/> as a query the database runs.</summary>
    public static Expression<Func<OutboxMail, bool>> Pending { get; } = m => m.SentAt == null && m.GaveUpAt == null;

    /// <summary><see cref="IsDue"/> as a query the database runs (the sender's "what is due?").</summary>
    public static Expression<Func<OutboxMail, bool>> DueAt(DateTimeOffset now) =>
        m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now;

    public void MarkSent(DateTimeOffset now)
    {
        EnsurePending();
        SentAt = now;
        Model = null;
    }

    /// <summary>
    /// Records a failed attempt: retried later by <paramref name="policy"/>, or given up when the failure is permanent
    /// (the server refused the recipient for good) or the mail has been tried for the policy's whole span.
    /// </summary>
    public MailFailureOutcome RecordFailure(DateTimeOffset now, string error, bool permanent, MailRetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(policy);
        EnsurePending();
        FailedAttempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (permanent || now >= QueuedAt + policy.GiveUpAfter)
        {
            GaveUpAt = now;
            Model = null;
            return MailFailureOutcome.GaveUp;
        }

        NextAttemptAt = now + policy.DelayAfter(FailedAttempts);
        return MailFailureOutcome.WillRetry;
    }

    private void EnsurePending()
    {
        if (!IsPending)
        {
            throw new InvalidOperationException("This mail was already sent or given up.");
        }
    }
}
