using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Accounts.MailRequests;

internal sealed class ExpandMailRequestsHandler(IApplicationDbContext db, IPendingMailRequests queue, AccountMails mails,
    TimeProvider time) : ICommandHandler<ExpandMailRequestsCommand, int>
{
    private const int BatchSize = 20;

    public async ValueTask<int> Handle(ExpandMailRequestsCommand command, CancellationToken cancellationToken)
    {
        // One transaction: the requests are deleted with the codes and mails they became, or stay pending.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = await queue.ClaimAsync(BatchSize, cancellationToken);
        if (requests.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        foreach (var request in requests)
        {
            var normalized = Email.ForLookup(request.Email).Normalized;
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            switch (request.Kind)
            {
                case MailRequestKind.ResendVerification when user is { EmailVerified: false }:
                    await mails.IssueCodeAsync(user, EmailCodePurpose.VerifyEmail, user.Email, now, cancellationToken);
                    break;
                case MailRequestKind.ForgotPassword when user is not null:
                    await mails.IssueCodeAsync(user, EmailCodePurpose.ResetPassword, user.Email, now, cancellationToken);
                    break;
                default:
                    break; // nothing to send: the request was answered like any other, and ends here
            }
        }

        db.MailRequests.RemoveRange(requests);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return requests.Count;
    }
}
