using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Domain.EmailCodes;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Auth.VerifyEmail;

internal sealed partial class VerifyEmailHandler(IApplicationDbContext db, CodeProofs proofs, TimeProvider time,
    ILogger<VerifyEmailHandler> logger) : ICommandHandler<VerifyEmailCommand>
{
    public async ValueTask<Unit> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNowForStorage();
        var (user, code) = await proofs.CheckAsync(command, EmailCodePurpose.VerifyEmail, now, cancellationToken);
        code.MarkUsed(now);
        user.VerifyEmail(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new InvalidOrExpiredCodeException(); // the same code was used (or spent) by a request racing this one
        }

        LogVerified(user.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email of user {UserId} verified")]
    private partial void LogVerified(Guid userId);
}
