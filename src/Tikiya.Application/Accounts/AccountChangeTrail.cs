using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// What an account change leaves behind, together: its security event and the mail about it (a notice, or the code a
/// new account verifies its address with). Both go into the caller's unit of work and commit with the change or not
/// at all (the outbox, API.md v1.1's events). Nothing is saved here.
/// </summary>
internal sealed class AccountChangeTrail(AccountMails mails, SecurityEventRecorder events)
{
    /// <summary>
    /// The <paramref name="change"/> event and the <paramref name="notice"/> (<see cref="MailTemplates"/>), to the
    /// account's address unless <paramref name="noticeTo"/> says otherwise.
    /// </summary>
    public void LeaveNotice(User user, SecurityEventType change, string notice, DateTimeOffset now, Email? noticeTo = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        mails.QueueNotice(user, notice, now, recipient: noticeTo);
        events.Record(user.Id, change, now);
    }

    /// <summary>The <paramref name="change"/> event and a new <paramref name="purpose"/> code mailed to <paramref name="address"/>.</summary>
    public async Task LeaveCodeAsync(User user, SecurityEventType change, EmailCodePurpose purpose, Email address,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await mails.IssueCodeAsync(user, purpose, address, now, cancellationToken);
        events.Record(user.Id, change, now);
    }
}
