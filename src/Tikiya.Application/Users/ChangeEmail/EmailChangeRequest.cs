using Tikiya.Application.Accounts;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Users.ChangeEmail;

/// <summary>
/// Who may have a code sent to a new address, and what is sent (API.md, users/me/email): the account's owner, proven by
/// the password, within the limits per new address and per account; then the code to the new address and the notice to
/// the old one. Recorded in the caller's unit of work; nothing is saved here.
/// </summary>
internal sealed class EmailChangeRequest(PasswordConfirmation passwords, RequestLimits limits, AccountMails mails, TimeProvider time)
{
    /// <summary>
    /// Confirms the password (<see cref="PasswordConfirmation.ConfirmAsync"/>), then counts the request in both limits
    /// (<see cref="Common.Errors.TooManyRequestsException"/> past either). Returns the request's time, read once the
    /// password is proven: the time of everything it records and sends.
    /// </summary>
    public async Task<DateTimeOffset> AdmitAsync(User user, string password, Email newEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await passwords.ConfirmAsync(user, password, cancellationToken);
        var now = time.GetUtcNow();
        await limits.RecordAsync(RequestLimits.ForEmailChangeOf(user.Id), now, cancellationToken);
        await limits.RecordAsync(limits.ForEmailChangeTo(newEmail), now, cancellationToken);
        return now;
    }

    /// <summary>Issues the email-change code to <paramref name="newEmail"/> and queues the notice to the account's address.</summary>
    public async Task SendAsync(User user, Email newEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await mails.IssueCodeAsync(user, EmailCodePurpose.ChangeEmail, newEmail, now, cancellationToken);
        mails.QueueNotice(user, MailTemplates.EmailChangeRequested, now);
    }
}
