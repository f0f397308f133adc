using Mediator;
using Tikiya.Application.Accounts;
using Tikiya.Application.Accounts.MailRequests;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mail;

namespace Tikiya.Application.Auth.ForgotPassword;

internal sealed class ForgotPasswordHandler(IApplicationDbContext db, MailRequestIntake intake) : ICommandHandler<ForgotPasswordCommand>
{
    public async ValueTask<Unit> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        await intake.AcceptAsync(MailRequestKind.ForgotPassword, command.Email, cancellationToken);
        await db.SaveOrRefuseAsync(MailRequestIntake.RacedRetryAfter, cancellationToken);
        return Unit.Value;
    }
}
