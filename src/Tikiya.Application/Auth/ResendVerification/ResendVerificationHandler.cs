using Mediator;
using Tikiya.Application.Accounts;
using Tikiya.Application.Accounts.MailRequests;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;

namespace Tikiya.Application.Auth.ResendVerification;

internal sealed class ResendVerificationHandler(IApplicationDbContext db, MailRequestIntake intake) : ICommandHandler<ResendVerificationCommand>
{
    public async ValueTask<Unit> Handle(ResendVerificationCommand command, CancellationToken cancellationToken)
    {
        await intake.AcceptAsync(MailRequestKind.ResendVerification, command.Email, cancellationToken);
        await db.SaveOrRefuseAsync(MailRequestIntake.RacedRetryAfter, cancellationToken);
        return Unit.Value;
    }
}
