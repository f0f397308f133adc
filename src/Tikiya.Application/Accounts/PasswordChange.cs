using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts;

/// <summary>
/// A new password, by the account's owner (users/me/password, who confirms the current one first) or by a reset code:
/// hashed with nothing held, then set under the account's lock with what it leaves behind, the
/// <see cref="MailTemplates.PasswordChanged"/> notice and its event (API.md). Nothing is saved here.
/// </summary>
internal sealed class PasswordChange(PasswordConfirmation passwords, AccountChangeTrail trail)
{
    /// <inheritdoc cref="PasswordConfirmation.ConfirmAsync"/>
    public Task ConfirmCurrentAsync(User user, string currentPassword, CancellationToken cancellationToken) =>
        passwords.ConfirmAsync(user, currentPassword, cancellationToken);

    /// <inheritdoc cref="PasswordConfirmation.HashAsync"/>
    public Task<string> HashAsync(string newPassword, CancellationToken cancellationToken) =>
        passwords.HashAsync(newPassword, cancellationToken);

    /// <summary>
    /// In the caller's open transaction: takes the account's lock (<see cref="PasswordConfirmation.LockAccountAsync"/>),
    /// sets <paramref name="passwordHash"/>, and queues the notice and the <paramref name="change"/> event. Returns the
    /// locked throttle row, for a reset to clear.
    /// </summary>
    public async Task<LoginThrottle> SetAsync(User user, string passwordHash, SecurityEventType change, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var throttle = await passwords.LockAccountAsync(user, cancellationToken);
        user.ChangePasswordHash(passwordHash);
        trail.LeaveNotice(user, change, MailTemplates.PasswordChanged, now);
        return throttle;
    }
}
