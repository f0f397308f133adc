using Tikiya.Domain.Mail;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>The pending <see cref="MailRequest"/>s, shared by every instance.</summary>
public interface IPendingMailRequests
{
    /// <summary>
    /// Locks up to <paramref name="max"/> pending requests in the caller's open transaction, skipping those another
    /// instance holds, so each is handled once; they stay pending unless the caller removes them and commits.
    /// </summary>
    Task<IReadOnlyList<MailRequest>> ClaimAsync(int max, CancellationToken cancellationToken);
}
