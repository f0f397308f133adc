using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Auth.VerifyEmail;

internal sealed partial class VerifyEmailHandler(IApplicationDbContext db, CodeProofs proofs, SecurityEventRecorder events,
    TimeProvider time, ILogger<VerifyEmailHandler> logger) : ICommandHandler<VerifyEmailCommand>
{
    public async ValueTask<Unit> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (user, code) = await proofs.CheckAsync(command, EmailCodePurpose.VerifyEmail, now, cancellationToken);
        user.VerifyEmail(now);
        events.Record(user.Id, SecurityEventType.EmailVerified, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await proofs.SpendAsync(code, now, cancellationToken); // a use racing this one: 400, and nothing is saved
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogVerified(user.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email of user {UserId} verified")]
    private partial void LogVerified(Guid userId);
}
